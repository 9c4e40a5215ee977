import { buildModel, type ConfigModel, type Proxy } from '../model/config-model';
import type { ExternalSymbols } from '../model/external-symbols';
import type { ConfigFile, Range, Section } from '../syntax/ast';
import { parseConfig } from '../syntax/parse-config';
import type { Finding, Severity } from './finding';
import { RULES } from './registry';
import { applySuppressions } from './suppression';
import type { Rule, RuleContext } from './rule';
import { cachedSectionFindings, storeSectionFindings, type SectionFinding, type SectionInputs } from './section-cache';
import { targetVersion, type HaproxyVersion } from './version';

export interface LintOptions {
  /** Target HAProxy version (`X.Y`); a `# haproxy-version:` comment in the file wins. */
  version?: string;
  fileName?: string;
  /** Per-rule severity overrides; `off` disables a rule. */
  rules?: Record<string, Severity | 'off'>;
  /** The other files of a multi-file config, so that a name defined in one satisfies a use in another. */
  external?: ExternalSymbols;
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
  const proxies = new Map<Section, Proxy>(model.proxies.map((proxy) => [proxy.section, proxy]));
  const present = new Set(file.sections);
  for (const rule of RULES) {
    const configured = options.rules?.[rule.name];
    if (configured === 'off') continue;
    const add = (finding: SectionFinding) => findings.push({ rule: rule.name, ...finding, severity: configured ?? finding.severity });
    if (rule.check) runFileCheck(rule, base, add, findings);
    if (rule.checkSection) runSectionChecks(rule, base, proxies, present, add, findings);
  }
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.rule.localeCompare(b.rule));
  return applySuppressions(file, findings);
}

type Base = Omit<RuleContext, 'report'>;

function collector(rule: Rule, into: SectionFinding[]): RuleContext['report'] {
  return (finding) => into.push({ message: finding.message, range: finding.range, fixes: finding.fixes, severity: finding.severity ?? rule.defaultSeverity });
}

function runFileCheck(rule: Rule, base: Base, add: (finding: SectionFinding) => void, findings: Finding[]): void {
  const found: SectionFinding[] = [];
  try {
    rule.check!({ ...base, report: collector(rule, found) });
    found.forEach(add);
  } catch (error) {
    findings.push(internalError(rule, error));
  }
}

function defaultsChain(proxy: Proxy | undefined): Section[] {
  const chain: Section[] = [];
  for (let defaults = proxy?.defaults; defaults && chain.length < 64; defaults = defaults.defaults) chain.push(defaults.section);
  return chain;
}

function runSectionChecks(
  rule: Rule,
  base: Base,
  proxies: ReadonlyMap<Section, Proxy>,
  present: ReadonlySet<Section>,
  add: (finding: SectionFinding) => void,
  findings: Finding[],
): void {
  try {
    const facts = rule.fileFacts?.(base) ?? '';
    for (const section of base.file.sections) {
      const proxy = proxies.get(section);
      const inputs: SectionInputs = { version: base.version, facts, defaults: defaultsChain(proxy), line: rule.quotesLineNumbers ? section.range.start.line : undefined };
      let found = cachedSectionFindings(section, rule.name, inputs, present);
      if (!found) {
        const fresh: SectionFinding[] = [];
        rule.checkSection!({ ...base, section, proxy, report: collector(rule, fresh) });
        found = storeSectionFindings(base.file, section, rule.name, inputs, fresh);
      }
      found.forEach(add);
    }
  } catch (error) {
    findings.push(internalError(rule, error));
  }
}

/** Parses, models and lints config text. */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const file = parseConfig(text);
  return lintModel(file, buildModel(file, { external: options.external }), targetVersion(text, options.version), options);
}
