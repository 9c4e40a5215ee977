/** Parses an HAProxy time value (`10s`, `500ms`, `1m`, `2h`, `1d`; bare numbers are milliseconds). */
export function parseDurationMs(text: string | undefined, defaultUnitMs = 1): number | undefined {
  if (!text) return undefined;
  const m = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'us':
      return n / 1000;
    case 'ms':
      return n;
    case 's':
      return n * 1000;
    case 'm':
      return n * 60000;
    case 'h':
      return n * 3600000;
    case 'd':
      return n * 86400000;
    default:
      return n * defaultUnitMs;
  }
}
