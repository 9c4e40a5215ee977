import type { IToken } from 'chevrotain';
import type { EnvVarRef, Range, Word } from './ast';
import { subRange, tokenRange } from './positions';

const SPECIAL_CHARS = /["'\\$]/;
const SIMPLE_ESCAPES: Record<string, string> = { ' ': ' ', '\\': '\\', t: '\t', n: '\n', r: '\r', '#': '#', "'": "'", '"': '"' };

export interface DecodedWord {
  value: string;
  quoted: boolean;
  envVars: { name: string; defaultValue?: string; start: number; end: number }[];
  /** Offset within the raw text of an invalid `\x` escape or an unmatched brace in `${...}`. */
  problems: { message: string; start: number; end: number }[];
}

/**
 * Reads a word as HAProxy's line parser does: quotes are removed, backslash escapes resolved outside single
 * quotes, and `$VAR` / `${VAR}` / `${VAR-default}` references inside double quotes are recorded (left as written).
 */
export function decodeWord(raw: string): DecodedWord {
  if (!SPECIAL_CHARS.test(raw)) return { value: raw, quoted: false, envVars: [], problems: [] };
  // The value is joined from runs of characters kept as written, cut where a quote is dropped or an escape is
  // replaced: appending one character at a time would leave a chain of one string object per character.
  const parts: string[] = [];
  let runStart = 0;
  const cut = (at: number, replacement: string, resume: number) => {
    if (at > runStart) parts.push(raw.slice(runStart, at));
    if (replacement) parts.push(replacement);
    runStart = resume;
  };
  let quoted = false;
  let quote: '"' | "'" | undefined;
  const envVars: DecodedWord['envVars'] = [];
  const problems: DecodedWord['problems'] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"' && quote !== "'") {
      quote = quote === '"' ? undefined : '"';
      quoted = true;
      cut(i, '', i + 1);
    } else if (c === "'" && quote !== '"') {
      quote = quote === "'" ? undefined : "'";
      quoted = true;
      cut(i, '', i + 1);
    } else if (c === '\\' && quote !== "'" && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (next === 'x') {
        const hex = raw.slice(i + 2, i + 4);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          cut(i, String.fromCharCode(parseInt(hex, 16)), i + 4);
          i += 3;
        } else {
          problems.push({ message: 'Invalid \\x escape: two hexadecimal digits must follow', start: i, end: i + 2 });
        }
      } else if (next === '$' && quote === '"') {
        cut(i, '$', i + 2);
        i++;
      } else if (next in SIMPLE_ESCAPES) {
        cut(i, SIMPLE_ESCAPES[next], i + 2);
        i++;
      }
    } else if (c === '$' && quote === '"') {
      const match = /^\$(?:\{([A-Za-z_.][A-Za-z0-9_]*)(?:(-)([^}]*))?(\})?|([A-Za-z_.][A-Za-z0-9_]*))/.exec(raw.slice(i));
      if (match) {
        const name = match[1] ?? match[5];
        if (match[1] !== undefined && match[4] === undefined) {
          problems.push({ message: `Unmatched brace in environment variable \${${name}`, start: i, end: i + match[0].length });
        }
        envVars.push({ name, defaultValue: match[2] ? match[3] : undefined, start: i, end: i + match[0].length });
        i += match[0].length - 1;
      }
    }
  }
  cut(raw.length, '', raw.length);
  return { value: parts.length === 1 ? parts[0] : parts.join(''), quoted, envVars, problems };
}

/** True when a word has no quote, escape or `$`: its value is its text and decoding can be skipped. */
export function isPlainText(raw: string): boolean {
  return !SPECIAL_CHARS.test(raw);
}

/** Builds the AST word of a word token. */
export function wordFromToken(token: IToken, range: Range = tokenRange(token)): { word: Word; problems: DecodedWord['problems'] } {
  const decoded = decodeWord(token.image);
  const envVars: EnvVarRef[] = decoded.envVars.map((ref) => ({
    name: ref.name,
    defaultValue: ref.defaultValue,
    range: subRange(range, ref.start, ref.end),
  }));
  return {
    word: { kind: 'word', raw: token.image, value: decoded.value, range, quoted: decoded.quoted, envVars },
    problems: decoded.problems,
  };
}
