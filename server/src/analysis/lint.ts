import { buildModel, type ConfigModel, type Proxy } from '../model/config-model';
import type { ExternalSymbols } from '../model/external-symbols';
import type { ConfigFile, Range, Section } from '../syntax/ast';
import { parseConfig } from '../syntax/parse-config';
import type { Finding, Fix, Severity } from './finding';
import { RULES } from './registry';
import { hasSection } from './section-presence';
import { applySuppressions } from './suppression';
import type { Rule, RuleContext, SectionRuleContext } from './rule';
import { cachedSectionFindings, storeSectionFindings, type SectionInputs } from './section-cache';
import { targetVersion, type HaproxyVersion } from './version';

export interface LintOptions {
  /** Target HAProxy version (`X.Y`); a `# haproxy-version:` comment in the file wins. */
  version?: string;
  fileName?: string;
  /** Per-rule severity overrides; `off` disables a rule. */
  rules?: Record<string, Severity | 'off'>;
  /** The other files of a multi-file config, so that a name defined in one satisfies a use in another. */
  external?: ExternalSymbols;
  /**
   * True when no later version of the file will be linted (a command-line run): section findings are then not
   * kept for reuse, which spares the work of keeping them.
   */
  oneShot?: boolean;
}

const FILE_START: Range = { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };

function internalError(rule: Rule, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return { rule: 'internal-error', severity: 'hint', message: `Rule ${rule.name} failed on this file: ${detail}`, range: FILE_START };
}

/**
 * Runs every rule over an already parsed and modelled file. Rules that throw become an internal finding.
 * Section findings are reused for the sections an edit did not touch (see `Rule.checkSection`).
 */
export function lintModel(file: ConfigFile, model: ConfigModel, version: HaproxyVersion, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const base = { file, model, version };
  const active = RULES.filter((rule) => options.rules?.[rule.name] !== 'off');
  for (const rule of active) if (rule.check) runFileCheck(rule, base, options, findings);
  runSectionChecks(active.filter((rule) => rule.checkSection), base, options, findings);
  // Rule names are plain ASCII: comparing them by code unit orders them as `localeCompare` does, without loading a collator.
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return applySuppressions(file, findings);
}

type Base = Omit<RuleContext, 'report'>;

/**
 * A report function that adds the rule's name and the severity (the configured one, else the rule's). Fixes reported
 * as a function are made when the finding's `fixes` are first read, once.
 */
function reporter(rule: Rule, options: LintOptions, into: Finding[]): RuleContext['report'] {
  const configured = options.rules?.[rule.name] as Severity | undefined;
  return (finding) => {
    const severity = configured ?? finding.severity ?? rule.defaultSeverity;
    const fixes = finding.fixes;
    if (typeof fixes !== 'function') {
      into.push({ rule: rule.name, severity, message: finding.message, range: finding.range, fixes });
      return;
    }
    let made: Fix[] | undefined;
    into.push({
      rule: rule.name,
      severity,
      message: finding.message,
      range: finding.range,
      get fixes() {
        return (made ??= fixes());
      },
    });
  };
}

function runFileCheck(rule: Rule, base: Base, options: LintOptions, findings: Finding[]): void {
  const found: Finding[] = [];
  try {
    rule.check!({ ...base, report: reporter(rule, options, found) });
    for (const finding of found) findings.push(finding);
  } catch (error) {
    findings.push(internalError(rule, error));
  }
}

const NO_DEFAULTS: readonly Section[] = [];
const NO_FINDINGS: readonly Finding[] = [];
const chains = new WeakMap<Proxy, readonly Section[]>();

/** The defaults sections a proxy inherits from, nearest first (proxies are kept between edits, so is this). */
function defaultsChain(proxy: Proxy | undefined): readonly Section[] {
  if (!proxy?.defaults) return NO_DEFAULTS;
  let chain = chains.get(proxy);
  if (!chain) {
    const sections: Section[] = [];
    for (let defaults: Proxy | undefined = proxy.defaults; defaults && sections.length < 64; defaults = defaults.defaults) sections.push(defaults.section);
    chains.set(proxy, (chain = sections));
  }
  return chain;
}

/** Section rules whose findings depend on the same things; a section's findings are kept per group. */
interface RuleGroup {
  rules: { rule: Rule; context: SectionRuleContext }[];
  /** Version, file facts and severity settings of the group's rules. */
  key: string;
  quotesLineNumbers: boolean;
  found: Finding[];
}

function ruleGroups(rules: Rule[], base: Base, options: LintOptions, findings: Finding[]): RuleGroup[] {
  return [false, true].map((quotesLineNumbers) => {
    const group: RuleGroup = { rules: [], key: base.version, quotesLineNumbers, found: [] };
    for (const rule of rules) {
      if (Boolean(rule.quotesLineNumbers) !== quotesLineNumbers) continue;
      try {
        const facts = rule.fileFacts?.(base) ?? '';
        // One context per rule, moved from section to section (rules do not keep it).
        group.rules.push({ rule, context: { ...base, section: base.file.sections[0], proxy: undefined, report: reporter(rule, options, group.found) } });
        group.key += `\u0001${rule.name}\u0002${facts}\u0002${options.rules?.[rule.name] ?? ''}`;
      } catch (error) {
        findings.push(internalError(rule, error));
      }
    }
    group.key = canonicalKey(group.key);
    return group;
  });
}

const keys = new Map<string, string>();

/** The same string object for equal keys, so that comparing keys of every section is a pointer comparison. */
function canonicalKey(key: string): string {
  let canonical = keys.get(key);
  if (canonical === undefined) {
    if (keys.size > 1000) keys.clear();
    keys.set(key, (canonical = key));
  }
  return canonical;
}

function runSectionChecks(rules: Rule[], base: Base, options: LintOptions, findings: Finding[]): void {
  const groups = ruleGroups(rules, base, options, findings);
  const failed = new Set<Rule>();
  const sections = base.file.sections;
  const proxies = base.model.proxies;
  const isPresent = (section: Section) => hasSection(base.file, section);
  // The model lists proxies in the order of their sections: the two lists are walked side by side.
  let nextProxy = 0;
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    const proxy = proxies[nextProxy]?.section === section ? proxies[nextProxy++] : undefined;
    const defaults = defaultsChain(proxy);
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index];
      if (group.rules.length === 0) continue;
      const line = group.quotesLineNumbers ? section.range.start.line : undefined;
      let kept = options.oneShot ? undefined : cachedSectionFindings(section, index, group.key, defaults, line, isPresent);
      if (!kept) kept = checkSection(section, proxy, group, index, { key: group.key, defaults, line }, base, failed, findings, !options.oneShot);
      for (let i = 0; i < kept.length; i++) findings.push(kept[i]);
    }
  }
}

/** Runs a group's rules on one section and, when `keep` is set, keeps their findings (unless a rule failed). */
function checkSection(section: Section, proxy: Proxy | undefined, group: RuleGroup, index: number, inputs: SectionInputs, base: Base, failed: Set<Rule>, findings: Finding[], keep: boolean): readonly Finding[] {
  group.found.length = 0;
  let complete = true;
  const rules = group.rules;
  for (let r = 0; r < rules.length; r++) {
    const { rule, context } = rules[r];
    if (failed.size > 0 && failed.has(rule)) continue;
    context.section = section;
    context.proxy = proxy;
    try {
      rule.checkSection!(context);
    } catch (error) {
      failed.add(rule);
      complete = false;
      findings.push(internalError(rule, error));
    }
  }
  if (!keep) return group.found.length === 0 ? NO_FINDINGS : group.found.slice();
  return complete ? storeSectionFindings(base.file, section, index, inputs, group.found.slice()) : group.found.slice();
}

/** Parses, models and lints config text. */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const file = parseConfig(text);
  return lintModel(file, buildModel(file, { external: options.external }), targetVersion(text, options.version), options);
}
