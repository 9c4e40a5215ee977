import type { SectionType } from '../../syntax/ast';
import type { HaproxyVersion } from './versions';

/** The kinds of keywords.json, one namespace each (`crt` is both a bind and a server option). */
export const KEYWORD_KINDS = [
  'section',
  'global',
  'proxy',
  'action',
  'bind',
  'server',
  'resolvers',
  'cache',
  'fetch',
  'converter',
  'acl-derived',
  'acl-flag',
  'acl-match-method',
  'acl-operator',
  'predefined-acl',
  'filter',
  'userlist',
  'peers',
  'mailers',
  'program',
  'http-errors',
  'ring',
  'log-forward',
  'crt-store',
  'crt-store-load',
  'traces',
  'acme',
  'healthcheck',
  'log-profile',
  'fcgi-app',
  'log-format-var',
] as const;

export type KeywordKind = (typeof KEYWORD_KINDS)[number];

export type ProxySection = 'defaults' | 'frontend' | 'listen' | 'backend';

/** Rule sets whose lines are `<rule set> <action> [args] [if|unless cond]`. */
export const RULE_SETS = [
  'quic-initial',
  'tcp-request connection',
  'tcp-request session',
  'tcp-request content',
  'tcp-response content',
  'http-request',
  'http-response',
  'http-after-response',
] as const;

export type RuleSet = (typeof RULE_SETS)[number];

/** Sections that hold keyword lines, named as in the section header (all but `dynamic-update`). */
export type CatalogSection = Exclude<SectionType, 'dynamic-update'>;

/** Where a keyword may appear: a section, or for actions a rule set. */
export type Place = CatalogSection | RuleSet;

export type TrafficContext = 'tcp' | 'http' | 'log';

/** Where a catalog entry's facts come from. */
export type KeywordOrigin =
  /** Documented in the HAProxy manual of at least one version. */
  | 'manual'
  /** Registered by the HAProxy 2.6 binary (`haproxy -dKall`) but never documented as an entry. */
  | 'binary';

/** The facts of one keyword that hold for a run of consecutive versions. */
export interface KeywordVariant {
  readonly versions: readonly HaproxyVersion[];
  /** Bit mask over HAPROXY_VERSIONS. */
  readonly versionMask: number;
  /** Anchor in that version's configuration.html, with its `#`. */
  readonly anchor: string;
  /** Syntax lines as the manual prints them; a line starting with spaces continues the previous one. */
  readonly syntax: readonly string[];
  /** Sections (or, for actions, rule sets) where the keyword may appear; empty when the kind decides. */
  readonly places: readonly Place[];
  /** Per rule set anchors (actions of 2.8 and older, documented under each rule keyword). */
  readonly anchorsByRuleSet?: Readonly<Partial<Record<RuleSet, string>>>;
}

/** One keyword of one kind, with its history over all versions. */
export interface KeywordEntry {
  readonly kind: KeywordKind;
  /** The keyword as written, multi-word names included (`timeout client`, `option httpchk`). */
  readonly name: string;
  readonly words: readonly string[];
  /** Versions where HAProxy accepts it (documented or not). */
  readonly versions: readonly HaproxyVersion[];
  readonly versionMask: number;
  /** Versions whose manual documents it. */
  readonly documentedMask: number;
  readonly variants: readonly KeywordVariant[];
  readonly origin: KeywordOrigin;
  /** First version whose manual marks it deprecated ("2.4" means 2.4 or earlier). */
  readonly deprecatedSince?: HaproxyVersion;
  /** When only one form is deprecated (e.g. `compression direction`). */
  readonly deprecatedSyntax?: readonly string[];
  readonly experimental: boolean;
  /** Proxy modes where the manual says the keyword works. */
  readonly contexts?: readonly TrafficContext[];
  readonly outputType?: string;
  readonly inputType?: string;
  /** ACL derivatives: the fetch and the `-m` match method they stand for. */
  readonly fetch?: string;
  readonly matchMethod?: string;
  /** Predefined ACLs and log-format aliases: what they are equivalent to. */
  readonly equivalent?: string;
  /** The manual documents a `no` form (`no option httpclose`, `no log`). */
  readonly negatable: boolean;
  /** Allowed in a defaults section only when it is named (`(!)` in the manual). */
  readonly namedDefaultsOnly: boolean;
  readonly appliesTo?: readonly ('bind' | 'server' | 'default-server')[];
  /** Bind and server options: number of value words after the name (-1: variable, see `source`). */
  readonly arity?: number;
  /** Log-format variables: field name, value type and the mode they need. */
  readonly logVar?: { readonly fieldName: string; readonly type: string; readonly restriction: string };
  /** Our one- or two-line summary, loaded on first access. */
  readonly summary: string | undefined;
}

/** A keyword HAProxy used to accept and now rejects with a message, with what replaces it. */
export interface RemovedKeyword {
  /** The words that form it (`reqadd`, `option forceclose`). */
  readonly name: string;
  /** Sections where it was accepted. */
  readonly sections: readonly CatalogSection[];
  /** First HAProxy version that rejects it, when known (may predate 2.4). */
  readonly removedIn?: string;
  /** Keyword(s) to use instead, in the order HAProxy suggests them. */
  readonly replacements: readonly string[];
  /** Our own words on how to migrate, when a replacement alone is not enough. */
  readonly note?: string;
}
