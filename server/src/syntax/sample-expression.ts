import type { LogFormatPart, Range, SampleArg, SampleCall, SampleExpression, SyntaxProblem, Word } from './ast';
import { subRange } from './positions';

/**
 * Parses a sample expression (`fetch(args),conv1,conv2(args)`) found in `text`, whose first character sits at
 * `base` (a single-line range start). Quotes and backslashes inside arguments are honoured; nested
 * parentheses are balanced.
 */
export function parseSampleText(text: string, base: Range): SampleExpression {
  const errors: SyntaxProblem[] = [];
  const calls: SampleCall[] = [];
  let i = 0;
  while (i <= text.length) {
    const callStart = i;
    while (i < text.length && text[i] !== '(' && text[i] !== ',') i++;
    const name = text.slice(callStart, i);
    const nameRange = subRange(base, callStart, i);
    const args: SampleArg[] = [];
    let hasParens = false;
    if (text[i] === '(') {
      hasParens = true;
      const close = readArguments(text, i + 1, base, args);
      if (close < 0) {
        errors.push({ message: `Missing ')' after the arguments of '${name}'`, range: subRange(base, i, text.length) });
        i = text.length;
      } else {
        i = close + 1;
      }
    }
    if (name.length === 0) {
      errors.push({ message: calls.length === 0 ? 'Missing sample fetch name' : 'Empty converter in the chain', range: subRange(base, callStart, Math.max(i, callStart + 1)) });
    }
    calls.push({ name, nameRange, args, range: subRange(base, callStart, i), hasParens });
    if (i < text.length && text[i] !== ',') {
      errors.push({ message: `Unexpected '${text[i]}' after '${name}'`, range: subRange(base, i, i + 1) });
      while (i < text.length && text[i] !== ',') i++;
    }
    if (i >= text.length) break;
    i++;
    if (i === text.length) {
      errors.push({ message: 'Empty converter at the end of the chain', range: subRange(base, i - 1, i) });
      break;
    }
  }
  const [fetch, ...converters] = calls;
  return { kind: 'sample', text, fetch, converters, range: subRange(base, 0, text.length), errors };
}

/** Characters a backslash escapes inside sample arguments; before any other character the backslash stays (`\\1`, `\\.`). */
const ARG_ESCAPABLE = new Set(['\\', "'", '"', ',', ')']);

/** Reads comma-separated arguments from `start` up to the matching ')'; returns the index of ')' or -1. */
function readArguments(text: string, start: number, base: Range, args: SampleArg[]): number {
  let depth = 0;
  let quote: string | undefined;
  let argStart = start;
  let value = '';
  const pushArg = (end: number) => {
    args.push({ value, range: subRange(base, argStart, end) });
    value = '';
    argStart = end + 1;
  };
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length && ARG_ESCAPABLE.has(text[i + 1])) value += text[++i];
      else value += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '\\' && i + 1 < text.length) {
      value += ARG_ESCAPABLE.has(text[i + 1]) ? text[++i] : c;
    } else if (c === '(') {
      depth++;
      value += c;
    } else if (c === ')') {
      if (depth === 0) {
        if (i > start || args.length > 0) pushArg(i);
        return i;
      }
      depth--;
      value += c;
    } else if (c === ',' && depth === 0) {
      pushArg(i);
    } else {
      value += c;
    }
  }
  return -1;
}

/** Parses a word holding a sample expression (an ACL criterion, `stick on`, `balance hdr()`...). */
export function parseSampleExpression(word: Word): SampleExpression {
  const quoteOffset = word.raw.length > 1 && /^["']/.test(word.raw) && word.raw.endsWith(word.raw[0]) ? 1 : 0;
  const text = quoteOffset ? word.raw.slice(1, -1) : word.raw;
  return parseSampleText(text, subRange(word.range, quoteOffset, quoteOffset));
}

/** Finds the `%[...]` sample expressions and `%var` / `%{flags}var` variables of a log-format string. */
export function parseLogFormat(word: Word): { parts: LogFormatPart[]; errors: SyntaxProblem[] } {
  const raw = word.raw;
  const parts: LogFormatPart[] = [];
  const errors: SyntaxProblem[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      i++;
      continue;
    }
    if (raw[i] !== '%') continue;
    const start = i;
    if (raw[i + 1] === '%') {
      i++;
      continue;
    }
    let flags: string | undefined;
    let j = i + 1;
    if (raw[j] === '{') {
      const close = raw.indexOf('}', j);
      if (close < 0) {
        errors.push({ message: "Missing '}' after log-format flags", range: subRange(word.range, start, raw.length) });
        break;
      }
      flags = raw.slice(j + 1, close);
      j = close + 1;
    }
    if (raw[j] === '[') {
      const close = findClosingBracket(raw, j + 1);
      if (close < 0) {
        errors.push({ message: "Missing ']' to close the '%[' sample expression", range: subRange(word.range, start, raw.length) });
        break;
      }
      const expression = parseSampleText(raw.slice(j + 1, close), subRange(word.range, j + 1, j + 1));
      errors.push(...expression.errors);
      parts.push({ kind: 'lf-sample', expression, range: subRange(word.range, start, close + 1) });
      i = close;
    } else {
      const name = /^[A-Za-z]+/.exec(raw.slice(j))?.[0] ?? '';
      if (name) parts.push({ kind: 'lf-var', name, flags, range: subRange(word.range, start, j + name.length) });
      i = j + name.length - 1;
    }
  }
  return { parts, errors };
}

function findClosingBracket(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (c === "'") {
      quote = c;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
