import { buildModel, type ConfigModel } from '../model/config-model';
import type { ExternalSymbols } from '../model/external-symbols';
import type { ConfigFile } from '../syntax/ast';
import { parseConfig } from '../syntax/parse-config';
import type { Finding, Severity } from './finding';
import { RULES } from './registry';
import { applySuppressions } from './suppression';
import type { Rule, RuleContext } from './rule';
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

/** Runs every rule over an already parsed and modelled file. Rules that throw become an internal finding. */
export function lintModel(file: ConfigFile, model: ConfigModel, version: HaproxyVersion, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const configured = options.rules?.[rule.name];
    if (configured === 'off') continue;
    runRule(rule, { file, model, version }, configured, findings);
  }
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.rule.localeCompare(b.rule));
  return applySuppressions(file, findings);
}

function runRule(rule: Rule, base: Omit<RuleContext, 'report'>, configured: Severity | undefined, findings: Finding[]): void {
  const context: RuleContext = {
    ...base,
    report: (finding) =>
      findings.push({
        rule: rule.name,
        severity: configured ?? finding.severity ?? rule.defaultSeverity,
        message: finding.message,
        range: finding.range,
        fixes: finding.fixes,
      }),
  };
  try {
    rule.check(context);
  } catch (error) {
    findings.push({
      rule: 'internal-error',
      severity: 'hint',
      message: `Rule ${rule.name} failed on this file: ${error instanceof Error ? error.message : String(error)}`,
      range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } },
    });
  }
}

/** Parses, models and lints config text. */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const file = parseConfig(text);
  return lintModel(file, buildModel(file, { external: options.external }), targetVersion(text, options.version), options);
}
