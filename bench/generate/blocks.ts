import { parseConfig } from '../../server/src/syntax/parse-config';
import type { Section } from '../../server/src/syntax/ast';

/**
 * A building block of a generated config: the sections of one real config that route traffic (defaults,
 * proxies and the named sections they refer to), with the names that must be renamed per copy.
 */
export interface Block {
  /** Where the block comes from (a corpus file name or the Senex example). */
  source: string;
  /** Text of the sections, `\n` line endings, ending with a newline. */
  text: string;
  lineCount: number;
  /** Names of the sections defined by the block, renamed in each copy. */
  names: string[];
}

/** Sections a block keeps; `global` is written once at the top of the generated file. */
const KEPT_SECTIONS = new Set(['defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'cache', 'http-errors', 'ring', 'mailers']);

/** Sections that make `haproxy -c` query name servers: a block with one is left out (no traffic leaves the machine). */
const NETWORK_SECTIONS = new Set(['resolvers']);

/** Keyword-like words that a section name must not be, or renaming would rewrite keywords too. */
const UNSAFE_NAMES = new Set(['http', 'tcp', 'log', 'global', 'health', 'check', 'ssl', 'on', 'off', 'enable', 'disabled', 'if', 'unless']);

function sectionLines(lines: string[], section: Section): string[] {
  return lines.slice(section.range.start.line, section.range.end.line + 1);
}

/** Splits a config into its global section and the block of everything else that routes traffic. */
export function blockFromConfig(source: string, text: string): { global?: string; block?: Block } {
  const normalized = text.replace(/\r\n?/g, '\n');
  const file = parseConfig(normalized);
  if (file.syntaxErrors.some((e) => !e.message.startsWith('Missing newline'))) return {};
  const lines = normalized.split('\n');
  const kept: string[] = [];
  const names: string[] = [];
  let global: string | undefined;
  for (const section of file.sections) {
    if (section.type === 'global') {
      global ??= `${sectionLines(lines, section).join('\n')}\n`;
      continue;
    }
    if (NETWORK_SECTIONS.has(section.type)) return { global };
    if (!KEPT_SECTIONS.has(section.type)) continue;
    if (section.guard) return { global };
    if (section.name) {
      if (UNSAFE_NAMES.has(section.name.value) || !/^[A-Za-z0-9_.:-]+$/.test(section.name.value)) return { global };
      names.push(section.name.value);
    }
    kept.push(...sectionLines(lines, section), '');
  }
  if (kept.length === 0) return { global };
  const blockText = `${kept.join('\n')}`;
  return { global, block: { source, text: blockText, lineCount: kept.length, names: [...new Set(names)] } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A copy of the block whose section names (and every use of them: `use_backend X`, `be_conn(X)`,
 * `track X/srv`, `table X`, `userlist X`...) end with `suffix`, so that many copies can share one file.
 */
export function renameBlock(block: Block, suffix: string): string {
  if (block.names.length === 0) return block.text;
  const alternatives = [...block.names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`([\\s(,'"=@])(${alternatives})(?=$|[\\s),/'"])`, 'g');
  // The first word of a line is a keyword, never a reference: `stats enable` in a copy of `listen stats`.
  return block.text
    .split('\n')
    .map((line) => {
      const keyword = /^\s*\S*/.exec(line)![0];
      return keyword + line.slice(keyword.length).replace(pattern, (_match, before: string, name: string) => `${before}${name}${suffix}`);
    })
    .join('\n');
}

const ADDRESS_KEYWORDS = new Map([
  ['server', 2],
  ['server-template', 3],
  ['peer', 2],
  ['mailer', 2],
  ['nameserver', 2],
  ['log', 1],
]);

const LOG_TARGETS = new Set(['global', 'stdout', 'stderr', 'localhost']);

/**
 * Points what the machine cannot provide at what it can: every address becomes 127.0.0.1 (so `haproxy -c`
 * neither resolves names nor sends anything off the machine), certificates and CA files become the dummy
 * certificate, error files a dummy response.
 */
export function localizeBlock(text: string, files: { cert: string; errorFile: string }): string {
  return text
    .split('\n')
    .map((line) => {
      const words = line.trim().split(/\s+/);
      const at = ADDRESS_KEYWORDS.get(words[0]);
      if (at !== undefined && words[at]) {
        // Any host, name or address (IPv4, [IPv6] or bare IPv6), becomes the loopback address; the port stays.
        const host = /^((?:ipv4@|ipv6@)?)(\[[^\]]*\]|[A-Za-z0-9_.-]+|[0-9a-fA-F:]*:[0-9a-fA-F:]*)(:\d+(?:-\d+)?)?$/.exec(words[at]);
        if (host && !LOG_TARGETS.has(host[2])) line = line.replace(words[at], `${host[1]}127.0.0.1${host[3] ?? ''}`);
      }
      // Elsewhere too, a `name:port` word is most likely an address.
      line = line.replace(/(\s)([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*):(\d+)(?=\s|$)/g, (_m, blank: string, _name: string, port: string) => `${blank}127.0.0.1:${port}`);
      line = line.replace(/(\s(?:crt|ca-file|ca-verify-file)\s+)(\S+)/g, (_m, key: string) => `${key}${files.cert}`);
      line = line.replace(/^(\s*errorfile\s+\d+\s+)(\S+)/, (_m, key: string) => `${key}${files.errorFile}`);
      return line;
    })
    .join('\n');
}
