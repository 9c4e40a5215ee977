import { parseDurationMs } from './duration';
import { formatIp } from './ip';
import { sampleToInt, sampleToIp, sampleToString, type Sample } from './sample';

export type StickKeyType = 'ip' | 'ipv6' | 'integer' | 'string' | 'binary';

/** A `stick-table` line read into fields. */
export interface StickTableSpec {
  name: string;
  type: StickKeyType;
  keyLength: number;
  size: number;
  expireMs?: number;
  /** Stored data types, with the period of rate counters in milliseconds. */
  store: Map<string, { periodMs?: number }>;
  line: number;
}

/** A rate counter as HAProxy keeps it: events of the current period and of the previous one. */
interface FreqCounter {
  periodStart: number;
  current: number;
  previous: number;
}

/** One key's counters. */
export interface StickEntry {
  key: string;
  values: Map<string, number>;
  rates: Map<string, FreqCounter>;
  touchedAt: number;
}

/** Moves a counter to the period holding `now`. */
function rotate(c: FreqCounter, now: number, period: number): void {
  const elapsed = now - c.periodStart;
  if (elapsed < period) return;
  c.previous = elapsed < 2 * period ? c.current : 0;
  c.current = 0;
  c.periodStart += Math.floor(elapsed / period) * period;
}

/** Reads the words after `stick-table`. */
export function parseStickTable(name: string, words: string[], line: number): StickTableSpec | string {
  const spec: StickTableSpec = { name, type: 'ip', keyLength: 32, size: 0, store: new Map(), line };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'type') {
      const t = words[++i];
      if (t !== 'ip' && t !== 'ipv6' && t !== 'integer' && t !== 'string' && t !== 'binary') return `unknown stick-table type '${t}'`;
      spec.type = t;
      if (words[i + 1] === 'len') {
        spec.keyLength = Number(words[i + 2]) || 32;
        i += 2;
      }
    } else if (w === 'size') {
      spec.size = Number(String(words[++i]).replace(/[kmg]$/i, '')) || 0;
    } else if (w === 'expire') {
      spec.expireMs = parseDurationMs(words[++i]);
    } else if (w === 'store') {
      for (const item of (words[++i] ?? '').split(',')) {
        const m = /^([a-z0-9_]+)(?:\(([^)]*)\))?$/.exec(item.trim());
        if (!m) continue;
        spec.store.set(m[1], { periodMs: m[2] ? parseDurationMs(m[2]) : undefined });
      }
    } else if (w === 'peers' || w === 'nopurge' || w === 'srvkey' || w === 'write-to') {
      if (w !== 'nopurge') i++;
    }
  }
  return spec;
}

/** A stick table and its entries for one simulation run. */
export class StickTable {
  private readonly entries = new Map<string, StickEntry>();

  constructor(readonly spec: StickTableSpec) {}

  /** Converts a sample to this table's key text, or undefined when it cannot be a key. */
  keyOf(sample: Sample): string | undefined {
    switch (this.spec.type) {
      case 'ip': {
        const ip = sampleToIp(sample);
        if (!ip) return undefined;
        if (ip.family === 6) {
          if (ip.value >> 32n !== 0xffffn) return undefined;
          return formatIp({ family: 4, value: Number(ip.value & 0xffffffffn) });
        }
        return formatIp(ip);
      }
      case 'ipv6': {
        const ip = sampleToIp(sample);
        if (!ip) return undefined;
        return formatIp(ip.family === 4 ? { family: 6, value: (0xffffn << 32n) | BigInt(ip.value) } : ip);
      }
      case 'integer': {
        const n = sampleToInt(sample);
        return n === undefined ? undefined : String(n);
      }
      default:
        return sampleToString(sample).slice(0, this.spec.keyLength);
    }
  }

  private expired(e: StickEntry, now: number): boolean {
    return this.spec.expireMs !== undefined && now - e.touchedAt > this.spec.expireMs;
  }

  lookup(key: string, now: number): StickEntry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.expired(e, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  getOrCreate(key: string, now: number): StickEntry {
    let e = this.lookup(key, now);
    if (!e) {
      e = { key, values: new Map(), rates: new Map(), touchedAt: now };
      this.entries.set(key, e);
    }
    e.touchedAt = now;
    return e;
  }

  stores(data: string): boolean {
    return this.spec.store.has(data);
  }

  /** Adds to a cumulative counter and to the matching rate counter when the table stores them. */
  count(e: StickEntry, base: 'conn' | 'sess' | 'http_req' | 'http_err' | 'gpc0' | 'gpc1', now: number, by = 1): void {
    const cnt = base === 'gpc0' || base === 'gpc1' ? base : `${base}_cnt`;
    if (this.stores(cnt)) e.values.set(cnt, (e.values.get(cnt) ?? 0) + by);
    const rate = `${base}_rate`;
    const spec = this.spec.store.get(rate);
    if (spec) {
      const period = spec.periodMs ?? 1000;
      let c = e.rates.get(rate);
      if (!c) {
        c = { periodStart: now, current: 0, previous: 0 };
        e.rates.set(rate, c);
      }
      rotate(c, now, period);
      c.current += by;
    }
    e.touchedAt = now;
  }

  /**
   * A rate as HAProxy estimates it: the events of the current period plus the previous period's,
   * weighted by the part of the previous period still inside the sliding window.
   */
  rate(e: StickEntry, name: string, now: number): number | undefined {
    const spec = this.spec.store.get(name);
    if (!spec) return undefined;
    const period = spec.periodMs ?? 1000;
    const c = e.rates.get(name);
    if (!c) return 0;
    rotate(c, now, period);
    const remain = c.periodStart + period - now;
    return c.current + Math.floor((c.previous * remain) / period);
  }

  value(e: StickEntry, name: string): number | undefined {
    if (!this.stores(name)) return undefined;
    return e.values.get(name) ?? 0;
  }

  set(e: StickEntry, name: string, v: number): void {
    if (this.stores(name)) e.values.set(name, v);
  }

  get size(): number {
    return this.entries.size;
  }
}
