import type { ConfigModel, Proxy } from '../model/config-model';
import type { ConfigFile, Range, Section } from '../syntax/ast';
import type { Fix, Severity } from './finding';
import type { HaproxyVersion } from './version';

/** What a rule sees: the parsed file, its model, the target version, and a way to report. */
export interface RuleContext {
  file: ConfigFile;
  model: ConfigModel;
  version: HaproxyVersion;
  report(finding: ReportedFinding): void;
}

/** A finding as a rule reports it. */
export interface ReportedFinding {
  message: string;
  range: Range;
  severity?: Severity;
  /**
   * The fixes, or a function making them on first use: most fixes are never asked for (the command line prints none,
   * an editor asks for those of the lines the user looks at), and some cost a look at much of the file.
   */
  fixes?: Fix[] | (() => Fix[]);
}

/** What a rule sees when it checks one section. */
export interface SectionRuleContext extends RuleContext {
  section: Section;
  /** The proxy of a defaults, frontend, backend or listen section. */
  proxy?: Proxy;
}

/**
 * A check with a stable name; its documentation lives at docs/rules/<name>.md.
 *
 * A rule checks the whole file (`check`), sections one by one (`checkSection`), or both. Findings of
 * `checkSection` may depend only on the section, its proxy's chain of defaults sections, the target version and
 * the string `fileFacts` returns: the linter then keeps them from one edit to the next for every section the edit
 * did not touch. Their ranges should come from the syntax tree (ranges it computes are taken to lie in the section).
 */
export interface Rule {
  name: string;
  defaultSeverity: Severity;
  /** One line, shown in rule listings. */
  description: string;
  check?(context: RuleContext): void;
  checkSection?(context: SectionRuleContext): void;
  /** Everything else of the file the section findings depend on (the global section's settings, say), as a string. */
  fileFacts?(context: Omit<RuleContext, 'report'>): string;
  /** True when section findings quote line numbers of their section: they are then redone when it moves. */
  quotesLineNumbers?: boolean;
}
