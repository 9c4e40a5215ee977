import type { BalanceSpec } from './balance-spec';
import { ConsistentRing } from './consistent';
import { pickFirst } from './first';
import { computeHashKey, type HashSource } from './hash-key';
import { LeastConnBalancer } from './leastconn';
import { isUsable, type LbPick, type LbServer } from './lb-server';
import { MapTable } from './map-table';
import { RoundRobinBalancer } from './roundrobin';

/** The answer of a balancer: the server, how it was found, and whether chance decided. */
export interface BalanceResult extends LbPick {
  random?: boolean;
}

/** Deterministic 32-bit generator so that `balance random` runs are repeatable. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** One backend's load-balancing state for a whole simulation run. */
export class Balancer {
  private readonly rr?: RoundRobinBalancer;
  private readonly map?: MapTable;
  private readonly ring?: ConsistentRing;
  private readonly lc?: LeastConnBalancer;
  private readonly random = xorshift(0x2545f491);

  constructor(
    readonly spec: BalanceSpec,
    private readonly servers: LbServer[],
    private readonly allBackups: boolean,
  ) {
    switch (spec.algorithm) {
      case 'roundrobin':
        this.rr = new RoundRobinBalancer(servers, allBackups);
        break;
      case 'leastconn':
        this.lc = new LeastConnBalancer(servers, allBackups);
        break;
      case 'first':
        break;
      case 'static-rr':
        this.map = new MapTable(servers, allBackups);
        break;
      case 'random':
        this.ring = new ConsistentRing(servers, allBackups);
        break;
      default:
        if (spec.hashType === 'consistent') this.ring = new ConsistentRing(servers, allBackups);
        else this.map = new MapTable(servers, allBackups);
    }
  }

  /** Chooses a server for a request; `source` gives the hashing algorithms their key. */
  pick(source: HashSource): BalanceResult {
    if (!this.servers.some(isUsable)) return { server: null, detail: 'no usable server' };
    const a = this.spec.algorithm;
    if (this.rr) return this.rr.next();
    if (this.lc) return this.lc.next();
    if (a === 'first') return pickFirst(this.servers, this.allBackups);
    if (a === 'static-rr') return this.map!.nextRoundRobin();
    if (a === 'random') {
      let best: LbPick = { server: null, detail: '' };
      for (let d = 0; d < Math.max(1, this.spec.randomDraws); d++) {
        const p = this.ring!.lookup(this.random());
        if (!best.server || (p.server && p.server.served * best.server.uweight < best.server.served * p.server.uweight)) best = p;
      }
      return { server: best.server, detail: 'random draw (the real choice varies)', random: true };
    }
    const single = (this.ring ? this.ring.usedCount : this.map!.usedCount) === 1;
    const key = computeHashKey(this.spec, source, single);
    if (!key) {
      const fallback = this.ring ? this.ring.nextRoundRobin() : this.map!.nextRoundRobin();
      return { server: fallback.server, detail: `no hash key, round-robin fallback: ${fallback.detail}` };
    }
    const found = this.ring ? this.ring.lookup(key.hash) : this.map!.lookup(key.hash);
    const label = single ? 'single usable server, no hashing' : `hash of '${key.key}' = ${key.hash}`;
    return { server: found.server, detail: `${label}, ${found.detail}` };
  }

  /** Marks the start and end of a stream on a server (leastconn keeps turns this way). */
  take(s: LbServer): void {
    if (this.lc) this.lc.take(s);
    else s.served++;
  }

  release(s: LbServer): void {
    if (this.lc) this.lc.release(s);
    else if (s.served > 0) s.served--;
  }

  /** Applies a state change already written into `s` (running/draining). */
  stateChanged(s: LbServer, nowUsable: boolean): void {
    if (this.rr) nowUsable ? this.rr.setUp(s) : this.rr.setDown(s);
    if (this.lc) nowUsable ? this.lc.setUp(s) : this.lc.setDown(s);
    if (this.ring) nowUsable ? this.ring.setUp(s) : this.ring.setDown(s);
    if (this.map) this.map.recalc();
  }
}
