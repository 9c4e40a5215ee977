import type { ConfigModel } from '../model/config-model';
import type { ConfigFile, Range } from '../syntax/ast';
import type { Fix, Severity } from './finding';
import type { HaproxyVersion } from './version';

/** What a rule sees: the parsed file, its model, the target version, and a way to report. */
export interface RuleContext {
  file: ConfigFile;
  model: ConfigModel;
  version: HaproxyVersion;
  report(finding: { message: string; range: Range; severity?: Severity; fixes?: Fix[] }): void;
}

/** A check with a stable name; its documentation lives at docs/rules/<name>.md. */
export interface Rule {
  name: string;
  defaultSeverity: Severity;
  /** One line, shown in rule listings. */
  description: string;
  check(context: RuleContext): void;
}
