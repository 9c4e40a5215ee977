import type { ConditionalBlock, ConfigFile } from '../../syntax/ast';

/** The HAProxy version whose `.if` answers the simulator gives (Debian's 2.6, the one it is tested against). */
const VERSION = [2, 6, 12];
/** Build features of that binary (`haproxy -vv`). */
const FEATURES = new Set(['OPENSSL', 'LUA', 'PCRE2', 'PCRE2_JIT', 'ZLIB', 'SYSTEMD', 'PROMEX', 'EPOLL', 'LINUX_SPLICE', 'LINUX_TPROXY', 'THREAD', 'TFO', 'NS', 'CPU_AFFINITY', 'GETADDRINFO', 'RT', 'CRYPT_H', 'ACCEPT4', 'PRCTL', 'POLL', 'BACKTRACE']);

function compareVersion(text: string): number {
  const parts = text.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const a = VERSION[i];
    const b = parts[i] ?? 0;
    if (a !== b) return a - b;
  }
  return 0;
}

/** Evaluates the words of an `.if`/`.elif` line; `notes` receives what had to be assumed. */
export function evaluateGuard(words: string[], notes: Set<string>): boolean {
  const term = (w: string): boolean => {
    if (w.startsWith('!')) return !term(w.slice(1));
    const m = /^([a-z_]+)\((.*)\)$/.exec(w);
    if (!m) return w !== '' && w !== '0' && !/^0+$/.test(w);
    const args = m[2].split(',').map((a) => a.trim().replace(/^["']|["']$/g, ''));
    switch (m[1]) {
      case 'defined':
        notes.add(`.if defined(${args[0]}): environment variables are unknown, taken as not defined`);
        return false;
      case 'feature':
        return FEATURES.has(args[0] ?? '');
      case 'streq':
        return args[0] === args[1];
      case 'strneq':
        return args[0] !== args[1];
      case 'version_atleast':
        return compareVersion(args[0] ?? '') >= 0;
      case 'version_before':
        return compareVersion(args[0] ?? '') < 0;
      case 'openssl_version_atleast':
      case 'openssl_version_before':
        notes.add(`.if ${m[1]}: taken as true`);
        return true;
      default:
        notes.add(`.if ${m[1]}(): unknown predicate, taken as true`);
        return true;
    }
  };
  const text = words.join(' ');
  return text.split('||').some((alt) => alt.split('&&').every((part) => term(part.trim())));
}

/** Tells whether lines under `.if` blocks are part of the configuration HAProxy loads. */
export class GuardEvaluator {
  readonly notes = new Set<string>();
  private readonly taken = new Map<ConditionalBlock, number>();

  private takenBranch(block: ConditionalBlock): number {
    let idx = this.taken.get(block);
    if (idx === undefined) {
      idx = block.branches.findIndex((b) => b.keyword.value === '.else' || evaluateGuard(b.args.map((a) => a.value), this.notes));
      this.taken.set(block, idx);
    }
    return idx;
  }

  /** True when the line (0-based) inside `block` belongs to the branch HAProxy takes, all enclosing blocks included. */
  isActive(block: ConditionalBlock | undefined, line: number): boolean {
    for (let b = block; b; b = b.parent) {
      let branch = -1;
      for (let i = 0; i < b.branches.length; i++) if (b.branches[i].range.start.line < line) branch = i;
      if (branch !== this.takenBranch(b)) return false;
      line = b.range.start.line;
    }
    return true;
  }
}

/** The configuration as HAProxy loads it: sections and lines of untaken `.if` branches removed. */
export function activeConfig(file: ConfigFile, guards: GuardEvaluator): ConfigFile {
  const sections = file.sections
    .filter((s) => guards.isActive(s.guard, s.headerRange.start.line))
    .map((s) => ({ ...s, directives: s.directives.filter((d) => guards.isActive(d.guard, d.range.start.line)) }));
  return { ...file, sections };
}
