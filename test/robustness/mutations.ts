import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, hasCorpus, repoRoot } from '../support/corpus';

/** Real config lines to build random configs from: every line of the corpus (when present) and of the Senex example. */
export function sourceLines(limit = 20_000): string[] {
  const texts = [readFileSync(join(repoRoot, 'examples/senex/haproxy.cfg'), 'utf8')];
  if (hasCorpus) {
    for (const folder of ['configs', 'templates']) {
      const dir = join(corpusDir, folder);
      if (existsSync(dir)) for (const name of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, name), 'utf8'));
    }
  }
  const lines = new Set<string>();
  for (const text of texts) for (const line of text.split(/\r?\n/)) if (line.trim()) lines.add(line);
  return [...lines].slice(0, limit);
}

/** Characters that break things: quotes, braces, escapes, comment marks, odd whitespace, NUL, non-ASCII, surrogates. */
const NASTY = ['"', "'", '{', '}', '\\', '#', '!', ' ', '\t', '\r', '\n', '\0', '\uFEFF', 'é', '\uD83D', '%[', '${', '(', ')', ',', '||', 'if', 'unless'];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'flip'; at: number; position: number; char: string }
  | { kind: 'insert'; at: number; position: number; text: string };

const mutation = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), position: fc.nat(), char: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 1 })) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), position: fc.nat(), text: fc.constantFrom('"', "'", '{', '}', '{ {', '} }', 'if {', '"unterminated', '\\', '%[req.hdr(', '${X') }),
  );

function applyMutation(lines: string[], m: Mutation): string[] {
  if (lines.length === 0) return lines;
  const at = m.at % lines.length;
  const line = lines[at];
  const out = [...lines];
  switch (m.kind) {
    case 'delete':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, line);
      break;
    case 'truncate':
      out[at] = line.slice(0, m.keep % (line.length + 1));
      break;
    case 'flip': {
      const p = m.position % (line.length + 1);
      out[at] = line.slice(0, p) + m.char + line.slice(p + 1);
      break;
    }
    case 'insert': {
      const p = m.position % (line.length + 1);
      out[at] = line.slice(0, p) + m.text + line.slice(p);
      break;
    }
  }
  return out;
}

const SECTION_HEADERS = ['global', 'defaults', 'frontend fe', 'backend be', 'listen li', 'userlist ul', 'peers pp', 'resolvers dns', 'defaults named', 'backend be2 from named'];

/**
 * A config made of real lines (section headers mixed in so most lines land in a section), then mutated:
 * lines deleted, duplicated, truncated, characters flipped, quotes and braces left unbalanced.
 */
export function mutatedConfig(pool: string[], maxLines = 40): fc.Arbitrary<string> {
  const line = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.constantFrom(...SECTION_HEADERS) });
  return fc
    .tuple(fc.array(line, { minLength: 0, maxLength: maxLines }), fc.array(mutation(), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r', ''), fc.boolean())
    .map(([lines, mutations, eol, finalEol]) => {
      const mutated = mutations.reduce(applyMutation, lines);
      return mutated.join(eol || '\n') + (finalEol ? eol || '\n' : '');
    });
}

/** Random text: what a broken file or a wrong file type looks like to the parser. */
export function randomText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: fc.constantFrom(...NASTY, 'a', 'b', ' ', 'acl', 'use_backend', 'server', '\n'), maxLength: 200 }),
  );
}
