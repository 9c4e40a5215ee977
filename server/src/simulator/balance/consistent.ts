import { avalanche } from './hash-functions';
import { BE_WEIGHT_SCALE, SRV_EWGHT_RANGE, isUsable, type LbPick, type LbServer } from './lb-server';
import { OrderedTree } from './ordered-tree';

interface RingNode {
  server: LbServer;
  key: number;
}

/**
 * HAProxy's consistent-hash ring: each server owns weight*16 points at avalanche(id*4096 + n);
 * a hash goes to the closer of the two servers around it.
 */
export class ConsistentRing {
  private readonly act = new OrderedTree<RingNode>();
  private readonly bck = new OrderedTree<RingNode>();
  private readonly nodes = new Map<LbServer, RingNode[]>();
  private readonly inRing = new Set<LbServer>();
  private last: RingNode | null = null;
  private firstBackup: LbServer | null = null;

  constructor(
    private readonly servers: LbServer[],
    private readonly allBackups: boolean,
  ) {
    for (const s of servers) {
      const list: RingNode[] = [];
      for (let n = 0; n < s.uweight * BE_WEIGHT_SCALE; n++) {
        list.push({ server: s, key: avalanche((s.puid * SRV_EWGHT_RANGE + n) >>> 0) });
      }
      this.nodes.set(s, list);
      if (isUsable(s)) this.insert(s);
    }
    this.refreshFirstBackup();
  }

  private tree(s: LbServer): OrderedTree<RingNode> {
    return s.backup ? this.bck : this.act;
  }

  private insert(s: LbServer): void {
    const tree = this.tree(s);
    for (const node of this.nodes.get(s)!) tree.insert(node.key, node);
    this.inRing.add(s);
  }

  private refreshFirstBackup(): void {
    this.firstBackup = null;
    if (this.allBackups) return;
    for (const s of this.servers) {
      if (s.backup && this.inRing.has(s)) {
        this.firstBackup = s;
        return;
      }
    }
  }

  private activeCount(): number {
    let n = 0;
    for (const s of this.inRing) if (!s.backup) n++;
    return n;
  }

  /** Servers taking load-balanced traffic right now (1 means HAProxy skips hashing). */
  get usedCount(): number {
    const act = this.activeCount();
    if (act) return act;
    if (this.firstBackup) return 1;
    return this.inRing.size;
  }

  private root(): OrderedTree<RingNode> | LbServer | null {
    if (this.activeCount()) return this.act;
    if (this.firstBackup) return this.firstBackup;
    if (this.inRing.size) return this.bck;
    return null;
  }

  lookup(hash: number): LbPick {
    const root = this.root();
    if (root === null) return { server: null, detail: 'no usable server' };
    if (!(root instanceof OrderedTree)) return { server: root, detail: 'first usable backup server' };
    const h = hash >>> 0;
    let ni = root.lowerBound(h);
    if (ni < 0) ni = 0;
    const next = root.at(ni)!;
    const prev = root.at(ni > 0 ? ni - 1 : root.size - 1)!;
    if (next.value.server === prev.value.server) return { server: next.value.server, detail: `ring point ${next.key}` };
    const dp = (h - prev.key) >>> 0;
    const dn = (next.key - h) >>> 0;
    const chosen = dp <= dn ? prev : next;
    return { server: chosen.value.server, detail: `ring point ${chosen.key}` };
  }

  /** Walks the ring in order (the fallback when a hash key is missing). */
  nextRoundRobin(): LbPick {
    const root = this.root();
    if (root === null) return { server: null, detail: 'no usable server' };
    if (!(root instanceof OrderedTree)) return { server: root, detail: 'first usable backup server' };
    let i = 0;
    if (this.last) {
      const li = root.entries().findIndex((e) => e.value === this.last);
      i = li < 0 ? 0 : (li + 1) % root.size;
    }
    const node = root.at(i)!;
    this.last = node.value;
    return { server: node.value.server, detail: `ring walk at point ${node.key}` };
  }

  setDown(s: LbServer): void {
    if (!this.inRing.has(s)) return;
    const tree = this.tree(s);
    for (const node of this.nodes.get(s)!) {
      if (this.last === node) {
        const i = tree.entries().findIndex((e) => e.value === node);
        const after = tree.at(i + 1 < tree.size ? i + 1 : 0);
        this.last = after && after.value !== node ? after.value : null;
      }
      tree.delete(node);
    }
    this.inRing.delete(s);
    this.refreshFirstBackup();
  }

  setUp(s: LbServer): void {
    if (this.inRing.has(s) || !isUsable(s)) return;
    this.insert(s);
    this.refreshFirstBackup();
  }
}
