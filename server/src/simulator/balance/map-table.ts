import { countGroups, type LbPick, type LbServer } from './lb-server';

/**
 * HAProxy's map-based lookup table: each usable server appears in a table as many times as its
 * (GCD-reduced) weight, spread smoothly, declaration order breaking ties. Used by static-rr and by
 * hashing algorithms with `hash-type map-based`.
 */
export class MapTable {
  private table: LbServer[] = [];
  private readonly eweight = new Map<LbServer, number>();
  private rrIndex = 0;
  /** Number of servers the table is built from (1 means no hashing is done). */
  usedCount = 0;

  constructor(
    private readonly servers: LbServer[],
    private readonly allBackups: boolean,
  ) {
    let gcd = 1;
    const firstWeighted = servers.findIndex((s) => s.uweight > 0);
    if (firstWeighted >= 0) {
      gcd = servers[firstWeighted].uweight;
      for (let i = firstWeighted + 1; gcd > 1 && i < servers.length; i++) {
        let w = servers[i].uweight;
        while (w) {
          const t = gcd % w;
          gcd = w;
          w = t;
        }
      }
    }
    for (const s of servers) this.eweight.set(s, Math.ceil(s.uweight / gcd));
    this.recalc();
  }

  /** Rebuilds the table after a server changed state. */
  recalc(): void {
    const groups = countGroups(this.servers, this.allBackups);
    let members: LbServer[];
    let total: number;
    if (groups.active.length) {
      members = groups.active;
      total = members.reduce((n, s) => n + this.eweight.get(s)!, 0);
      this.usedCount = members.length;
    } else if (groups.firstBackup) {
      members = groups.backup;
      total = this.eweight.get(groups.firstBackup)!;
      this.usedCount = 1;
    } else {
      members = groups.backup;
      total = members.reduce((n, s) => n + this.eweight.get(s)!, 0);
      this.usedCount = members.length;
    }
    const table: LbServer[] = [];
    const score = new Map<LbServer, number>(members.map((s) => [s, 0]));
    for (let o = 0; o < total; o++) {
      let best: LbServer | null = null;
      let max = 0;
      for (const cur of members) {
        if (total === 1) {
          best = cur;
          break;
        }
        const sc = score.get(cur)! + this.eweight.get(cur)!;
        score.set(cur, sc);
        const v = Math.floor((sc + total) / total);
        if (best === null || v > max) {
          max = v;
          best = cur;
        }
      }
      table.push(best!);
      if (total !== 1) score.set(best!, score.get(best!)! - total);
    }
    this.table = table;
  }

  get size(): number {
    return this.table.length;
  }

  /** The server at `hash % table size`. */
  lookup(hash: number): LbPick {
    if (!this.table.length) return { server: null, detail: 'no usable server' };
    const slot = (hash >>> 0) % this.table.length;
    return { server: this.table[slot], detail: `slot ${slot} of ${this.table.length}` };
  }

  /** Next server in table order (static-rr, and the fallback when a hash key is missing). */
  nextRoundRobin(): LbPick {
    if (!this.table.length) return { server: null, detail: 'no usable server' };
    if (this.rrIndex < 0 || this.rrIndex >= this.table.length) this.rrIndex = 0;
    const slot = this.rrIndex;
    this.rrIndex = slot + 1;
    return { server: this.table[slot], detail: `static round-robin slot ${slot} of ${this.table.length}` };
  }
}
