import { BE_WEIGHT_SCALE, SRV_EWGHT_MAX, SRV_UWGHT_RANGE, isUsable, type LbPick, type LbServer } from './lb-server';
import { OrderedTree } from './ordered-tree';

interface Group {
  curr: OrderedTree<LbServer>;
  init: OrderedTree<LbServer>;
  next: OrderedTree<LbServer>;
  currPos: number;
  currWeight: number;
  nextWeight: number;
}

interface Position {
  npos: number;
  lpos: number;
  rweight: number;
  eweight: number;
  tree: OrderedTree<LbServer> | null;
}

/**
 * Weighted round-robin in HAProxy's exact order ("fast weighted round robin"): each server moves
 * along a position line by total_weight / its_weight steps per pick, heavier servers first on ties,
 * with the remainder carried over so that the long-run shares equal the weights.
 */
export class RoundRobinBalancer {
  private readonly act: Group;
  private readonly bck: Group;
  private readonly pos = new Map<LbServer, Position>();
  private activeCount = 0;
  private backupCount = 0;
  private firstBackup: LbServer | null = null;
  private turn = 0;
  /** Servers currently taking part in the rotation (HAProxy's "currently usable"). */
  private readonly counted = new Set<LbServer>();

  constructor(
    private readonly servers: LbServer[],
    private readonly allBackups: boolean,
  ) {
    let totAct = 0;
    let totBck = 0;
    for (const s of servers) {
      this.pos.set(s, { npos: 0, lpos: 0, rweight: 0, eweight: s.uweight * BE_WEIGHT_SCALE, tree: null });
      if (!isUsable(s)) continue;
      this.counted.add(s);
      if (s.backup) {
        if (!this.backupCount && !allBackups) this.firstBackup = s;
        this.backupCount++;
        totBck += s.uweight * BE_WEIGHT_SCALE;
      } else {
        this.activeCount++;
        totAct += s.uweight * BE_WEIGHT_SCALE;
      }
    }
    this.act = this.newGroup(totAct);
    this.bck = this.newGroup(totBck);
    for (const s of servers) {
      if (isUsable(s)) this.queueByWeight(s.backup ? this.bck.init : this.act.init, s);
    }
  }

  private newGroup(total: number): Group {
    return { curr: new OrderedTree(), init: new OrderedTree(), next: new OrderedTree(), currPos: total, currWeight: total, nextWeight: total };
  }

  private group(s: LbServer): Group {
    return s.backup ? this.bck : this.act;
  }

  private p(s: LbServer): Position {
    return this.pos.get(s)!;
  }

  private queueByWeight(tree: OrderedTree<LbServer>, s: LbServer): void {
    const p = this.p(s);
    tree.insert(SRV_EWGHT_MAX - p.eweight, s);
    p.tree = tree;
  }

  private dequeue(s: LbServer): void {
    const p = this.p(s);
    p.tree?.delete(s);
  }

  private queue(s: LbServer): void {
    const g = this.group(s);
    const p = this.p(s);
    if (!isUsable(s)) {
      p.tree = null;
    } else if (p.eweight <= 0 || p.npos >= 2 * g.currWeight || p.npos >= g.currWeight + g.nextWeight) {
      p.npos -= g.currWeight;
      this.queueByWeight(g.next, s);
    } else {
      const key = SRV_UWGHT_RANGE * p.npos + Math.floor((SRV_EWGHT_MAX + p.rweight - p.eweight) / BE_WEIGHT_SCALE);
      g.curr.insert(key >>> 0, s);
      p.tree = g.curr;
    }
  }

  private prepareExtract(s: LbServer): void {
    const g = this.group(s);
    const p = this.p(s);
    if (p.tree === g.init) {
      p.npos = 0;
      p.rweight = 0;
    } else if (p.tree === g.next) p.npos += g.currWeight;
    else if (p.tree === null) p.npos = g.currPos;
  }

  private fromGroup(g: Group): LbServer | null {
    const first = g.curr.first();
    const s1 = first?.value ?? null;
    if (s1 && this.p(s1).eweight && this.p(s1).npos <= g.currPos) return s1;
    const fromInit = g.init.first();
    if (fromInit && this.p(fromInit.value).eweight) {
      const p = this.p(fromInit.value);
      p.npos = 0;
      p.rweight = 0;
      return fromInit.value;
    }
    return s1;
  }

  private updatePosition(g: Group, s: LbServer): void {
    const p = this.p(s);
    if (!p.eweight) return;
    if (!p.npos) p.npos = g.currPos;
    p.lpos = p.npos;
    p.npos += Math.floor(g.nextWeight / p.eweight);
    p.rweight += g.nextWeight % p.eweight;
    if (p.rweight >= p.eweight) {
      p.rweight -= p.eweight;
      p.npos++;
    }
  }

  private switchTrees(g: Group): void {
    const swap = g.init;
    g.init = g.next;
    g.next = swap;
    g.currWeight = g.nextWeight;
    g.currPos = g.currWeight;
  }

  /** Picks the next server, or null when none is usable. */
  next(): LbPick {
    let g: Group;
    if (this.activeCount) g = this.act;
    else if (this.firstBackup) return { server: this.firstBackup, detail: 'first usable backup server' };
    else if (this.backupCount) g = this.bck;
    else return { server: null, detail: 'no usable server' };

    if (!g.currWeight) g.currPos = g.currWeight = g.nextWeight;
    let switched = false;
    let srv: LbServer | null = null;
    for (let guard = 0; guard < 4; guard++) {
      srv = this.fromGroup(g);
      if (srv || switched) break;
      switched = true;
      this.switchTrees(g);
    }
    if (!srv) return { server: null, detail: 'no usable server' };
    this.updatePosition(g, srv);
    this.dequeue(srv);
    g.currPos++;
    this.queue(srv);
    this.turn++;
    return { server: srv, detail: `roundrobin turn ${this.turn} (weight ${srv.uweight})` };
  }

  /** Takes a server out of rotation (check failure, maintenance, drain). */
  setDown(s: LbServer): void {
    const p = this.p(s);
    if (!this.isCounted(s)) return;
    const g = this.group(s);
    g.nextWeight -= p.eweight;
    if (s.backup) {
      this.backupCount--;
      if (s === this.firstBackup) {
        let i = this.servers.indexOf(s) + 1;
        this.firstBackup = null;
        for (; i < this.servers.length; i++) {
          const c = this.servers[i];
          if (c.backup && isUsable(c)) {
            this.firstBackup = c;
            break;
          }
        }
      }
    } else this.activeCount--;
    this.dequeue(s);
    p.tree = null;
    this.counted.delete(s);
  }

  /** Puts a server back in rotation. */
  setUp(s: LbServer): void {
    if (this.isCounted(s) || !isUsable(s)) return;
    const g = this.group(s);
    const p = this.p(s);
    g.nextWeight += p.eweight;
    if (s.backup) {
      this.backupCount++;
      if (!this.allBackups) {
        if (!this.firstBackup || this.servers.indexOf(s) < this.servers.indexOf(this.firstBackup)) this.firstBackup = s;
      }
    } else this.activeCount++;
    this.prepareExtract(s);
    p.npos = g.currPos + Math.floor((g.nextWeight + g.currWeight - g.currPos) / p.eweight);
    this.counted.add(s);
    this.queue(s);
  }

  private isCounted(s: LbServer): boolean {
    return this.counted.has(s);
  }
}
