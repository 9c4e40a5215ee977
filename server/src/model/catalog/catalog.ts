import { catalogStore } from './catalog-store';
import { isProxySection, SECTION_KINDS } from './section-kinds';
import { joinSyntaxLines, parseSyntax, type SyntaxShape } from './syntax-shape';
import type { CatalogSection, KeywordEntry, KeywordKind, KeywordVariant, Place, RuleSet } from './types';
import { HAPROXY_VERSIONS, type HaproxyVersion, versionBit, versionIndex } from './versions';

const EMPTY: readonly KeywordEntry[] = [];

/** The catalog entry of a keyword of one kind (`getKeyword('proxy', 'timeout client')`). */
export function getKeyword(kind: KeywordKind, name: string): KeywordEntry | undefined {
  return catalogStore().byKind.get(kind)?.get(name);
}

/** Every entry of one kind, in catalog order. */
export function keywordsOfKind(kind: KeywordKind): readonly KeywordEntry[] {
  const names = catalogStore().byKind.get(kind);
  return names ? [...names.values()] : EMPTY;
}

/** Entries of any kind with exactly this name (`crt` is a bind and a server option). */
export function findKeywordsNamed(name: string): readonly KeywordEntry[] {
  return catalogStore().byName.get(name) ?? EMPTY;
}

/** Every entry of the catalog. */
export function allKeywords(): readonly KeywordEntry[] {
  return catalogStore().entries;
}

/** True when HAProxy `version` accepts the keyword. */
export function isKnownIn(entry: KeywordEntry, version: HaproxyVersion): boolean {
  return (entry.versionMask & versionBit(version)) !== 0;
}

/** True when the manual of `version` documents the keyword. */
export function isDocumentedIn(entry: KeywordEntry, version: HaproxyVersion): boolean {
  return (entry.documentedMask & versionBit(version)) !== 0;
}

/** First version accepting the keyword ("2.4" means 2.4 or earlier). */
export function addedIn(entry: KeywordEntry): HaproxyVersion | undefined {
  return entry.versions[0];
}

/** Last version accepting the keyword, or undefined when 3.4 still accepts it. */
export function removedAfter(entry: KeywordEntry): HaproxyVersion | undefined {
  const last = entry.versions[entry.versions.length - 1];
  return last === HAPROXY_VERSIONS[HAPROXY_VERSIONS.length - 1] ? undefined : last;
}

/** True when `version` accepts the keyword and its manual (or an earlier one) marks it deprecated. */
export function isDeprecatedIn(entry: KeywordEntry, version: HaproxyVersion): boolean {
  return entry.deprecatedSince !== undefined && isKnownIn(entry, version) && versionIndex(version) >= versionIndex(entry.deprecatedSince);
}

/** The facts of the keyword for one version. */
export function variantFor(entry: KeywordEntry, version: HaproxyVersion): KeywordVariant | undefined {
  const bit = versionBit(version);
  return entry.variants.find((v) => (v.versionMask & bit) !== 0);
}

function nearestDocumented(entry: KeywordEntry, version: HaproxyVersion): HaproxyVersion | undefined {
  const wanted = versionIndex(version);
  let best: HaproxyVersion | undefined;
  for (const v of HAPROXY_VERSIONS) {
    if ((entry.documentedMask & versionBit(v)) === 0) continue;
    if (best === undefined || Math.abs(versionIndex(v) - wanted) < Math.abs(versionIndex(best) - wanted)) best = v;
  }
  return best;
}

/**
 * Link to the keyword's section of the official manual for `version`
 * (https://docs.haproxy.org/X.Y/configuration.html#ANCHOR). When that manual does not document it,
 * the nearest manual that does is used. `ruleSet` picks the per-rule-set anchor of old action entries.
 */
export function docsUrl(entry: KeywordEntry, version: HaproxyVersion, ruleSet?: RuleSet): string {
  let docVersion = version;
  if (!isDocumentedIn(entry, version)) {
    docVersion = nearestDocumented(entry, version) ?? (entry.origin === 'binary' ? '2.6' : version);
  }
  const variant = variantFor(entry, docVersion) ?? entry.variants[entry.variants.length - 1];
  const anchor = (ruleSet && variant.anchorsByRuleSet?.[ruleSet]) ?? variant.anchor;
  return `https://docs.haproxy.org/${docVersion}/configuration.html${anchor}`;
}

/** The syntax lines of the keyword in `version`, continuation lines joined. */
export function syntaxLines(entry: KeywordEntry, version: HaproxyVersion): string[] {
  const variant = variantFor(entry, version) ?? entry.variants[entry.variants.length - 1];
  return joinSyntaxLines(variant.syntax);
}

const shapeCache = new WeakMap<KeywordVariant, readonly SyntaxShape[]>();

/** The argument shapes of the keyword's syntax lines in `version` (one per documented form). */
export function argumentShapes(entry: KeywordEntry, version: HaproxyVersion): readonly SyntaxShape[] {
  const variant = variantFor(entry, version) ?? entry.variants[entry.variants.length - 1];
  let shapes = shapeCache.get(variant);
  if (!shapes) {
    shapes = parseSyntax(variant.syntax, entry.name);
    shapeCache.set(variant, shapes);
  }
  return shapes;
}

/** Sections (or rule sets, for actions) where the keyword may appear in `version`. */
export function placesIn(entry: KeywordEntry, version: HaproxyVersion): readonly Place[] {
  const variant = variantFor(entry, version);
  if (!variant) return [];
  if (variant.places.length) return variant.places;
  if (entry.kind === 'global') return ['global'];
  if (entry.kind === 'filter') {
    const filter = getKeyword('proxy', 'filter');
    return filter ? placesIn(filter, version) : [];
  }
  const owner = (Object.keys(SECTION_KINDS) as CatalogSection[]).filter((s) => !isProxySection(s) && SECTION_KINDS[s].includes(entry.kind));
  return owner;
}

/** True when the keyword may be written in `section` in `version`. */
export function isAllowedIn(entry: KeywordEntry, section: CatalogSection, version: HaproxyVersion): boolean {
  if (!SECTION_KINDS[section].includes(entry.kind)) return false;
  return placesIn(entry, version).includes(section);
}

/** True when the action may be used in the rule set in `version`. */
export function isAllowedInRuleSet(action: KeywordEntry, ruleSet: RuleSet, version: HaproxyVersion): boolean {
  return placesIn(action, version).includes(ruleSet);
}

const sectionCache = new Map<string, readonly KeywordEntry[]>();

/** Keywords that may start a line of `section` in `version` (for completion). */
export function sectionKeywords(section: CatalogSection, version: HaproxyVersion): readonly KeywordEntry[] {
  const key = `${section}@${version}`;
  let list = sectionCache.get(key);
  if (!list) {
    list = SECTION_KINDS[section].flatMap((kind) => keywordsOfKind(kind)).filter((e) => isKnownIn(e, version) && isAllowedIn(e, section, version));
    sectionCache.set(key, list);
  }
  return list;
}

/** Actions usable in a rule set in `version` (for completion after `http-request` and friends). */
export function ruleSetActions(ruleSet: RuleSet, version: HaproxyVersion): readonly KeywordEntry[] {
  return keywordsOfKind('action').filter((a) => isKnownIn(a, version) && isAllowedInRuleSet(a, ruleSet, version));
}

/** Bind or server options known in `version`. */
export function optionKeywords(kind: 'bind' | 'server', version: HaproxyVersion): readonly KeywordEntry[] {
  return keywordsOfKind(kind).filter((o) => isKnownIn(o, version));
}

const HTTP_RULE_SETS: ReadonlySet<Place> = new Set(['http-request', 'http-response', 'http-after-response']);

/**
 * True when the keyword only makes sense for HTTP traffic: proxy keywords the manual limits to HTTP
 * mode, actions of HTTP rule sets only, and fetches of the manual's layer 7 chapter.
 */
export function isHttpOnly(entry: KeywordEntry, version: HaproxyVersion = HAPROXY_VERSIONS[HAPROXY_VERSIONS.length - 1]): boolean {
  if (entry.contexts) return entry.contexts.length === 1 && entry.contexts[0] === 'http';
  if (entry.kind === 'action') {
    const places = placesIn(entry, version);
    return places.length > 0 && places.every((p) => HTTP_RULE_SETS.has(p));
  }
  if (entry.kind === 'fetch' || entry.kind === 'acl-derived') {
    const variant = variantFor(entry, version) ?? entry.variants[entry.variants.length - 1];
    return variant.anchor.startsWith('#7.3.6');
  }
  if (entry.kind === 'log-format-var') return entry.logVar?.restriction === 'http';
  return false;
}
