import { BE_WEIGHT_SCALE, SRV_EWGHT_MAX, countGroups, isUsable, type LbPick, type LbServer } from './lb-server';
import { OrderedTree } from './ordered-tree';

/**
 * Least connections: servers sorted by served/weight; equal loads keep queue order, so with
 * requests that finish one after another the servers take turns in declaration order.
 */
export class LeastConnBalancer {
  private readonly act = new OrderedTree<LbServer>();
  private readonly bck = new OrderedTree<LbServer>();

  constructor(
    private readonly servers: LbServer[],
    private readonly allBackups: boolean,
  ) {
    for (const s of servers) if (isUsable(s)) this.queue(s);
  }

  private key(s: LbServer): number {
    return Math.floor((SRV_EWGHT_MAX * s.served) / (s.uweight * BE_WEIGHT_SCALE));
  }

  private queue(s: LbServer): void {
    (s.backup ? this.bck : this.act).insert(this.key(s), s);
  }

  private requeue(s: LbServer): void {
    const tree = s.backup ? this.bck : this.act;
    if (tree.delete(s)) tree.insert(this.key(s), s);
  }

  next(): LbPick {
    const groups = countGroups(this.servers, this.allBackups);
    let tree: OrderedTree<LbServer>;
    if (groups.active.length) tree = this.act;
    else if (groups.firstBackup) return { server: groups.firstBackup, detail: 'first usable backup server' };
    else tree = this.bck;
    for (const entry of tree.entries()) {
      const s = entry.value;
      if (!s.maxconn || s.served < s.maxconn) {
        return { server: s, detail: `least connections (${s.served} active, weight ${s.uweight})` };
      }
    }
    return { server: null, detail: 'all servers are full' };
  }

  /** A stream starts on `s`. */
  take(s: LbServer): void {
    s.served++;
    this.requeue(s);
  }

  /** A stream on `s` ends. */
  release(s: LbServer): void {
    if (s.served > 0) s.served--;
    this.requeue(s);
  }

  setDown(s: LbServer): void {
    (s.backup ? this.bck : this.act).delete(s);
  }

  setUp(s: LbServer): void {
    const tree = s.backup ? this.bck : this.act;
    if (isUsable(s) && !tree.entries().some((e) => e.value === s)) this.queue(s);
  }
}
