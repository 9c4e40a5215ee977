import { FALLBACK_SUMMARIES } from './fallback-summaries';
import { loadKeywordTable, loadSummaryTable } from './load-generated.cjs';
import type { KeywordEntry, KeywordKind, KeywordOrigin, KeywordVariant, Place, RuleSet, TrafficContext } from './types';
import { HAPROXY_VERSIONS, type HaproxyVersion, versionsInMask } from './versions';

/** [version mask, anchor, syntax string indexes | 0, place mask, anchors by rule-set index] */
type RawVariant = [number, string, (number[] | 0)?, number?, Record<string, string>?];

interface RawExtras {
  u?: number;
  d?: string;
  ds?: string[];
  x?: 1;
  c?: number;
  o?: string;
  i?: string;
  f?: string;
  mm?: string;
  q?: string;
  g?: 1;
  nd?: 1;
  ap?: number;
  lf?: [string, string, string];
  ar?: number;
  b?: 1;
}

/** [kind index, name, variants, extras] */
type RawEntry = [number, string, RawVariant[], RawExtras?];

interface RawCatalog {
  format: number;
  versions: string[];
  kinds: KeywordKind[];
  places: Place[];
  contexts: TrafficContext[];
  appliesTo: ('bind' | 'server' | 'default-server')[];
  strings: string[];
  entries: RawEntry[];
}

/** The decoded catalog with its lookup tables. Built once, on first use. */
export interface CatalogStore {
  readonly entries: readonly KeywordEntry[];
  /** kind -> name -> entry */
  readonly byKind: ReadonlyMap<KeywordKind, ReadonlyMap<string, KeywordEntry>>;
  /** name -> entries of every kind with that name */
  readonly byName: ReadonlyMap<string, readonly KeywordEntry[]>;
}

const summaryTables = new Map<string, Record<string, string> | undefined>();

function summaryOf(kind: KeywordKind, name: string): string | undefined {
  if (!summaryTables.has(kind)) {
    const table = loadSummaryTable(kind);
    summaryTables.set(kind, table && typeof table === 'object' ? (table as Record<string, string>) : undefined);
  }
  const own = summaryTables.get(kind)?.[name];
  return typeof own === 'string' && own.trim() !== '' ? own : FALLBACK_SUMMARIES[`${kind} ${name}`];
}

/**
 * An entry backed by its raw row: the common facts are fields, the rare ones getters over the row's
 * extras, so decoding the whole table allocates little.
 */
class CatalogEntry implements KeywordEntry {
  readonly words: readonly string[];
  #versions?: readonly HaproxyVersion[];

  constructor(
    readonly kind: KeywordKind,
    readonly name: string,
    readonly versionMask: number,
    readonly variants: readonly KeywordVariant[],
    readonly origin: KeywordOrigin,
    private readonly x: RawExtras,
    private readonly contextTable: readonly TrafficContext[],
    private readonly appliesToTable: readonly ('bind' | 'server' | 'default-server')[],
  ) {
    this.words = name.split(' ');
  }

  get versions(): readonly HaproxyVersion[] {
    return (this.#versions ??= versionsInMask(this.versionMask));
  }
  get documentedMask(): number {
    return this.versionMask & ~(this.x.u ?? 0);
  }
  get deprecatedSince(): HaproxyVersion | undefined {
    return this.x.d as HaproxyVersion | undefined;
  }
  get deprecatedSyntax(): readonly string[] | undefined {
    return this.x.ds;
  }
  get experimental(): boolean {
    return this.x.x === 1;
  }
  get contexts(): readonly TrafficContext[] | undefined {
    return this.x.c ? maskToList(this.x.c, this.contextTable) : undefined;
  }
  get outputType(): string | undefined {
    return this.x.o;
  }
  get inputType(): string | undefined {
    return this.x.i;
  }
  get fetch(): string | undefined {
    return this.x.f;
  }
  get matchMethod(): string | undefined {
    return this.x.mm;
  }
  get equivalent(): string | undefined {
    return this.x.q;
  }
  get negatable(): boolean {
    return this.x.g === 1;
  }
  get namedDefaultsOnly(): boolean {
    return this.x.nd === 1;
  }
  get appliesTo(): readonly ('bind' | 'server' | 'default-server')[] | undefined {
    if (this.x.ap) return maskToList(this.x.ap, this.appliesToTable);
    if (this.kind === 'bind') return ['bind'];
    return this.kind === 'server' ? ['server', 'default-server'] : undefined;
  }
  get arity(): number | undefined {
    return this.x.ar;
  }
  get logVar(): { readonly fieldName: string; readonly type: string; readonly restriction: string } | undefined {
    return this.x.lf ? { fieldName: this.x.lf[0], type: this.x.lf[1], restriction: this.x.lf[2] } : undefined;
  }
  get summary(): string | undefined {
    return summaryOf(this.kind, this.name);
  }
}

function maskToList<T>(mask: number, table: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < table.length; i++) if (mask & (1 << i)) out.push(table[i]);
  return out;
}

function expandAnchor(anchor: string, name: string): string {
  return anchor.startsWith('#') ? anchor : `#${anchor}-${name.replace(/ /g, '%20')}`;
}

/** A variant decoded field by field on first access: most variants are never looked at. */
class TableVariant implements KeywordVariant {
  readonly versionMask: number;
  #versions?: readonly HaproxyVersion[];
  #places?: readonly Place[];
  #syntax?: readonly string[];

  constructor(
    private readonly raw: RawVariant,
    private readonly name: string,
    private readonly table: RawCatalog,
  ) {
    this.versionMask = raw[0];
  }

  get versions(): readonly HaproxyVersion[] {
    return (this.#versions ??= versionsInMask(this.versionMask));
  }

  get anchor(): string {
    return expandAnchor(this.raw[1], this.name);
  }

  get syntax(): readonly string[] {
    const indexes = this.raw[2];
    return (this.#syntax ??= indexes ? indexes.map((i) => this.table.strings[i]) : []);
  }

  get places(): readonly Place[] {
    return (this.#places ??= maskToList(this.raw[3] ?? 0, this.table.places));
  }

  get anchorsByRuleSet(): Readonly<Partial<Record<RuleSet, string>>> | undefined {
    const byIndex = this.raw[4];
    if (!byIndex) return undefined;
    const out: Partial<Record<RuleSet, string>> = {};
    for (const [index, anchor] of Object.entries(byIndex)) {
      const ruleSet = this.table.places[Number(index)] as RuleSet;
      out[ruleSet] = expandAnchor(anchor, `${ruleSet} ${this.name}`);
    }
    return out;
  }
}

const NO_EXTRAS: RawExtras = {};

function decodeEntry(raw: RawEntry, table: RawCatalog): CatalogEntry {
  const name = raw[1];
  const rawVariants = raw[2];
  const variants: KeywordVariant[] = [];
  let versionMask = 0;
  for (const v of rawVariants) {
    variants.push(new TableVariant(v, name, table));
    versionMask |= v[0];
  }
  const x = raw[3] ?? NO_EXTRAS;
  return new CatalogEntry(table.kinds[raw[0]], name, versionMask, variants, x.b ? 'binary' : 'manual', x, table.contexts, table.appliesTo);
}

/** Decodes a generated table (exported for tests and benchmarks; use {@link catalogStore}). */
export function buildCatalogStore(raw: unknown): CatalogStore {
  const table = raw as RawCatalog;
  if (table.format !== 2 || table.versions.join() !== HAPROXY_VERSIONS.join()) {
    throw new Error('keywords.generated.json does not match this catalog code; run npm run generate:catalog');
  }
  const entries: KeywordEntry[] = table.entries.map((raw) => decodeEntry(raw, table));
  const byKind = new Map<KeywordKind, Map<string, KeywordEntry>>();
  const byName = new Map<string, KeywordEntry[]>();
  for (const entry of entries) {
    let names = byKind.get(entry.kind);
    if (!names) byKind.set(entry.kind, (names = new Map()));
    names.set(entry.name, entry);
    const same = byName.get(entry.name);
    if (same) same.push(entry);
    else byName.set(entry.name, [entry]);
  }
  return { entries, byKind, byName };
}

let store: CatalogStore | undefined;

/** The catalog, decoded on first call (the CLI pays for it only when a rule needs it). */
export function catalogStore(): CatalogStore {
  return (store ??= buildCatalogStore(loadKeywordTable()));
}
