import { formatIp, parseIp, type IpAddress } from './ip';

/** A value produced by a fetch or converter, typed as HAProxy types samples. */
export type Sample =
  | { type: 'str'; value: string }
  | { type: 'int'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'ip'; value: IpAddress }
  | { type: 'meth'; value: string };

export const str = (value: string): Sample => ({ type: 'str', value });
export const int = (value: number): Sample => ({ type: 'int', value });
export const bool = (value: boolean): Sample => ({ type: 'bool', value });
export const ipSample = (value: IpAddress): Sample => ({ type: 'ip', value });

/** The text form of a sample, as HAProxy casts it to a string. */
export function sampleToString(s: Sample): string {
  switch (s.type) {
    case 'str':
    case 'meth':
      return s.value;
    case 'int':
      return String(s.value);
    case 'bool':
      return s.value ? '1' : '0';
    case 'ip':
      return formatIp(s.value);
  }
}

/** The integer form of a sample, or undefined when it has none (a string that does not start with digits). */
export function sampleToInt(s: Sample): number | undefined {
  switch (s.type) {
    case 'int':
      return s.value;
    case 'bool':
      return s.value ? 1 : 0;
    case 'str':
    case 'meth': {
      const m = /^\s*([-+]?\d+)/.exec(s.value);
      return m ? Number(m[1]) : undefined;
    }
    case 'ip':
      return s.value.family === 4 ? s.value.value : undefined;
  }
}

export function sampleToBool(s: Sample): boolean {
  switch (s.type) {
    case 'bool':
      return s.value;
    case 'int':
      return s.value !== 0;
    default: {
      const n = sampleToInt(s);
      return n !== undefined ? n !== 0 : false;
    }
  }
}

export function sampleToIp(s: Sample): IpAddress | undefined {
  if (s.type === 'ip') return s.value;
  if (s.type === 'int') return { family: 4, value: s.value >>> 0 };
  return parseIp(sampleToString(s).trim());
}
