/** Time units HAProxy accepts after a number, with their length in milliseconds. */
export const TIME_UNITS: Readonly<Record<string, number>> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Size suffixes HAProxy accepts after a number (either case), with their multiplier. */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
  k: 1024,
  m: 1024 * 1024,
  g: 1024 * 1024 * 1024,
};

export type ParsedValue = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

/**
 * Reads a time value such as `30s`, `500` or `1h`. A bare number is in `defaultUnit` (milliseconds
 * for timeouts). The result is in milliseconds.
 */
export function parseTime(text: string, defaultUnit: keyof typeof TIME_UNITS = 'ms'): ParsedValue {
  const match = /^(\d+)([a-z]*)$/.exec(text);
  if (!match) return { ok: false, reason: `'${text}' is not a time (a number optionally followed by us, ms, s, m, h or d)` };
  const unit = match[2] === '' ? defaultUnit : match[2];
  const factor = TIME_UNITS[unit];
  if (factor === undefined) return { ok: false, reason: `unknown time unit '${match[2]}' in '${text}' (expected us, ms, s, m, h or d)` };
  return { ok: true, value: Number(match[1]) * factor };
}

/** Reads a size such as `16384`, `64k` or `1g`. The result is in bytes. */
export function parseSize(text: string): ParsedValue {
  const match = /^(\d+)([a-zA-Z]*)$/.exec(text);
  if (!match) return { ok: false, reason: `'${text}' is not a size (a number optionally followed by k, m or g)` };
  if (match[2] === '') return { ok: true, value: Number(match[1]) };
  const factor = SIZE_UNITS[match[2].toLowerCase()];
  if (factor === undefined || match[2].length > 1) return { ok: false, reason: `unknown size unit '${match[2]}' in '${text}' (expected k, m or g)` };
  return { ok: true, value: Number(match[1]) * factor };
}

/** Reads a plain (optionally signed) decimal integer. */
export function parseInteger(text: string): ParsedValue {
  return /^[-+]?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, reason: `'${text}' is not an integer` };
}
