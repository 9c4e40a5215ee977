import { readFileSync } from 'node:fs';
import { lintModel, type LintOptions } from '../analysis/lint';
import { findLintSettings } from '../analysis/lint-config-file';
import { isSupportedVersion, SUPPORTED_VERSIONS, targetVersion } from '../analysis/version';
import { buildModel, type ConfigModel } from '../model/config-model';
import { parseConfig } from '../syntax/parse-config';
import { formatSarif, formatText, toJsonFindings, type FileFindings } from './lint-formats';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const LINT_USAGE = `Usage: haproxy-lint [--format text|json|sarif] [--haproxy-version X.Y] [--summary] FILE...

Checks HAProxy configuration files and prints what it finds.
  --format            text (default), json (one array of findings) or sarif (SARIF 2.1.0)
  --haproxy-version   target HAProxy version, ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS.at(-1)} (default: from a
                      "# haproxy-version:" comment, .haproxy-lint.json, else ${SUPPORTED_VERSIONS.at(-1)})
  --summary           also describe each config (proxies, servers, findings per severity)
Exit status: 0 no error, 1 at least one error-severity finding, 2 usage or I/O error.`;

interface LintArgs {
  format: 'text' | 'json' | 'sarif';
  version?: string;
  summary: boolean;
  files: string[];
}

function parseArgs(argv: string[]): LintArgs | string {
  const args: LintArgs = { format: 'text', summary: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return `unknown format '${format ?? ''}' (expected text, json or sarif)`;
      args.format = format;
    } else if (flag === '--haproxy-version') {
      const version = value();
      if (!version || !isSupportedVersion(version)) return `unsupported HAProxy version '${version ?? ''}' (supported: ${SUPPORTED_VERSIONS.join(', ')})`;
      args.version = version;
    } else if (flag === '--summary') {
      args.summary = true;
    } else if (flag === '--help' || flag === '-h') {
      return 'help';
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'`;
    } else {
      args.files.push(arg);
    }
  }
  if (args.files.length === 0) return 'no FILE given';
  return args;
}

/** Runs haproxy-lint with command-line arguments; returns the exit status. */
export function runLint(argv: string[], io: CliIo, toolVersion = '0.0.0'): number {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    io.stdout(`${LINT_USAGE}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`haproxy-lint: ${parsed}\n${LINT_USAGE}\n`);
    return 2;
  }
  const results: FileFindings[] = [];
  const summaries: string[] = [];
  let ioError = false;
  for (const path of parsed.files) {
    let text: string;
    try {
      text = readFileSync(path === '-' ? 0 : path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`haproxy-lint: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}\n`);
      ioError = true;
      continue;
    }
    const settings = findLintSettings(path === '-' ? `${process.cwd()}/-` : path);
    if (settings.error) {
      io.stderr(`haproxy-lint: ${settings.error}\n`);
      ioError = true;
      continue;
    }
    const options: LintOptions = { version: parsed.version ?? settings.settings.version, rules: settings.settings.rules, fileName: path, oneShot: true };
    const version = parsed.version && isSupportedVersion(parsed.version) ? parsed.version : targetVersion(text, options.version);
    const file = parseConfig(text);
    const model = buildModel(file);
    const findings = lintModel(file, model, version, options);
    results.push({ file: path, findings });
    if (parsed.summary) summaries.push(describeConfig(path, model, findings, version));
  }
  if (parsed.format === 'json') io.stdout(`${JSON.stringify(toJsonFindings(results), null, 2)}\n`);
  else if (parsed.format === 'sarif') io.stdout(`${JSON.stringify(formatSarif(results, toolVersion), null, 2)}\n`);
  else {
    const text = formatText(results);
    if (text) io.stdout(`${text}\n`);
  }
  for (const summary of summaries) (parsed.format === 'text' ? io.stdout : io.stderr)(summary);
  if (ioError) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function describeConfig(path: string, model: ConfigModel, findings: FileFindings['findings'], version: string): string {
  const count = (kind: string) => model.proxies.filter((p) => p.kind === kind).length;
  const servers = model.proxies.reduce((n, p) => n + p.servers.filter((s) => !s.isDefault).length, 0);
  const bySeverity = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const lines = [
    `\n${path} (HAProxy ${version}): ${model.file.lineCount} lines, ${model.file.sections.length} sections`,
    `  ${count('frontend')} frontends, ${count('backend')} backends, ${count('listen')} listens, ${count('defaults')} defaults, ${servers} servers`,
  ];
  for (const proxy of model.proxies.filter((p) => p.kind !== 'defaults')) {
    const binds = proxy.binds.map((b) => b.address?.value ?? '?').join(' ');
    const serverNames = proxy.servers.filter((s) => !s.isDefault).map((s) => s.name).join(', ');
    lines.push(`  ${proxy.kind.padEnd(8)} ${proxy.name.padEnd(20)} mode ${proxy.mode.padEnd(5)}${binds ? ` bind ${binds}` : ''}${serverNames ? ` servers: ${serverNames}` : ''}`);
  }
  lines.push(`  findings: ${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('info')} info, ${bySeverity('hint')} hints\n`);
  return lines.join('\n');
}
