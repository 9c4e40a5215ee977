import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { ConfigModel } from '../model/config-model';
import type { Range } from '../syntax/ast';
import { HaproxyCheckedNotification, type HaproxyCheckedParams } from '../protocol';
import { toLspRange } from './convert';

/** One ALERT or WARNING printed by `haproxy -c`. */
export interface HaproxyMessage {
  severity: 'error' | 'warning';
  /** The file and 1-based line of `parsing [FILE:LINE]`, when the message has one. */
  file?: string;
  line?: number;
  text: string;
}

/** A file of the checked config: where it is on disk and what the server knows of it. */
export interface CheckedFile {
  uri: string;
  path: string;
  model?: ConfigModel;
}

const MESSAGE = /^\[(ALERT|WARNING)\][^:]*:\s*(.*)$/;
const LOCATION = /\[([^\][]+):(\d+)\]/;
/** Summary lines that only repeat that errors were found. */
const SUMMARY = /^(?:Error\(s\) found in configuration file|Fatal errors found in configuration|Configuration file is valid)/;

/** Reads the ALERT and WARNING lines of `haproxy -c` output, joining their `|` continuation lines. */
export function parseCheckOutput(output: string): HaproxyMessage[] {
  const messages: HaproxyMessage[] = [];
  let current: HaproxyMessage | undefined;
  for (const line of output.split(/\r?\n/)) {
    const match = MESSAGE.exec(line);
    if (match) {
      const text = match[2].replace(/^config\s*:\s*/, '');
      current = undefined;
      if (SUMMARY.test(text)) continue;
      const location = LOCATION.exec(text);
      current = {
        severity: match[1] === 'ALERT' ? 'error' : 'warning',
        file: location?.[1],
        line: location ? Number(location[2]) : undefined,
        text: text.replace(/^(?:parsing\s*)?\[[^\][]+:\d+\]\s*:\s*/, '').trim(),
      };
      messages.push(current);
    } else if (current && /^\s+\|/.test(line)) {
      current.text += ` ${line.replace(/^\s+\|\s?/, '').trim()}`;
    } else if (!line.startsWith(' ')) {
      current = undefined;
    }
  }
  return messages;
}

/** The `X.Y.Z` version in `haproxy -v` output. */
export function parseHaproxyVersion(output: string): string | undefined {
  return /version\s+(\d+\.\d+(?:\.\d+)?(?:-dev\d*)?)/i.exec(output)?.[1];
}

/**
 * The haproxy binary to run: the configured path when it is an executable file, else `haproxy` found on
 * PATH or in the usual sbin folders (often missing from a desktop user's PATH).
 */
export function findHaproxy(configured: string | undefined, pathVariable = process.env.PATH ?? ''): string | undefined {
  if (configured) return isExecutable(configured) ? configured : undefined;
  const folders = [...pathVariable.split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  for (const folder of folders) {
    const candidate = join(folder, process.platform === 'win32' ? 'haproxy.exe' : 'haproxy');
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export type CheckRun = { ran: true; exitCode: number; output: string } | { ran: false; error: string };

/** Runs `haproxy -c -V -f FILE...` (verbose, so that `quiet` cannot hide alerts) from the first file's folder. */
export function runHaproxyCheck(executable: string, paths: readonly string[], timeoutMs = 20000): Promise<CheckRun> {
  const args = ['-c', '-V', ...paths.flatMap((path) => ['-f', path])];
  return new Promise((done) => {
    execFile(executable, args, { cwd: dirname(paths[0] ?? '.'), timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (!error) return done({ ran: true, exitCode: 0, output });
      if (typeof error.code === 'number') return done({ ran: true, exitCode: error.code, output });
      done({ ran: false, error: error.killed ? `haproxy -c did not finish within ${timeoutMs / 1000} s` : error.message });
    });
  });
}

/** Runs `haproxy -v` and reads the version. */
export function haproxyVersion(executable: string): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(executable, ['-v'], { timeout: 5000, windowsHide: true }, (error, stdout) => done(error ? undefined : parseHaproxyVersion(stdout)));
  });
}

const PROXY_NAME = /\b(?:[Pp]roxy|frontend|backend|listen|defaults)\s+'([^']+)'/;

/**
 * Turns HAProxy's messages into diagnostics of the checked files (rule `haproxy-check`, source `haproxy`):
 * at the line HAProxy names, else at the header of the proxy the message names, else at the top of the
 * first file.
 */
export function checkDiagnostics(messages: readonly HaproxyMessage[], files: readonly CheckedFile[]): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>(files.map((file) => [file.uri, []]));
  for (const message of messages) {
    const placed = locate(message, files);
    if (!placed) continue;
    byUri.get(placed.file.uri)!.push({
      range: toLspRange(placed.range),
      severity: message.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: 'haproxy-check',
      source: 'haproxy',
      message: message.text,
    });
  }
  return byUri;
}

function locate(message: HaproxyMessage, files: readonly CheckedFile[]): { file: CheckedFile; range: Range } | undefined {
  if (message.file && message.line) {
    const file =
      files.find((f) => resolve(dirname(files[0].path), message.file!) === f.path) ?? files.find((f) => basename(f.path) === basename(message.file!));
    if (file) return { file, range: lineRange(file.model, message.line - 1) };
  }
  const proxyName = PROXY_NAME.exec(message.text)?.[1];
  for (const file of files) {
    const proxy = file.model?.proxies.find((p) => p.name === proxyName);
    if (proxy) return { file, range: proxy.section.headerRange };
  }
  return files[0] ? { file: files[0], range: lineRange(files[0].model, 0) } : undefined;
}

/** The text of a line from its first non-blank character, or the line's start when the text is unknown. */
function lineRange(model: ConfigModel | undefined, line: number): Range {
  const text = model?.file.text ?? '';
  const lines = text.split(/\r\n|\r|\n/);
  const content = lines[line] ?? '';
  const start = content.length - content.trimStart().length;
  let offset = 0;
  for (let i = 0; i < line && i < lines.length; i++) offset += lines[i].length + 1;
  return {
    start: { line, column: start, offset: offset + start },
    end: { line, column: Math.max(content.length, start), offset: offset + content.length },
  };
}

/** Settings of the real-HAProxy check. */
export interface CheckSettings {
  /** `haproxy.executablePath` (machine scoped). */
  executablePath?: string;
  /** `haproxy.checkOnSave`. */
  enabled: boolean;
}

/**
 * Runs `haproxy -c` when a config is saved, in trusted workspaces only, keeps the resulting diagnostics
 * per file until the next run, and tells the client which HAProxy version checked the file.
 */
export class HaproxyChecker {
  private trusted = false;
  private settings: CheckSettings = { enabled: true };
  private readonly results = new Map<string, Diagnostic[]>();
  private readonly versions = new Map<string, Promise<string | undefined>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, () => Promise<void>>();

  /** `publish(uri)` is called when the haproxy diagnostics of a file changed. */
  constructor(
    private readonly connection: Pick<Connection, 'sendNotification'>,
    private readonly publish: (uri: string) => void,
  ) {}

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  configure(settings: CheckSettings): void {
    this.settings = settings;
  }

  /** The haproxy diagnostics of a file from the last run that included it. */
  diagnosticsFor(uri: string): Diagnostic[] {
    return this.results.get(uri) ?? [];
  }

  /** Checks the files of a config (load order); reports for `uri`. Runs one check at a time per config. */
  check(uri: string, files: readonly CheckedFile[]): Promise<void> {
    const key = files.map((file) => file.path).join('\0');
    const run = () => this.runOnce(uri, files);
    const current = this.running.get(key);
    if (current) {
      this.queued.set(key, run);
      return current;
    }
    const chain = (async () => {
      try {
        await run();
        for (let next = this.queued.get(key); next; next = this.queued.get(key)) {
          this.queued.delete(key);
          await next();
        }
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, chain);
    return chain;
  }

  private async runOnce(uri: string, files: readonly CheckedFile[]): Promise<void> {
    if (!this.settings.enabled || files.length === 0) return;
    const base = { uri, files: files.length, errors: 0, warnings: 0 };
    if (!this.trusted) return this.notify({ ...base, status: 'untrusted' });
    const executable = findHaproxy(this.settings.executablePath);
    if (!executable) {
      const message = this.settings.executablePath ? `${this.settings.executablePath} is not an executable file` : 'haproxy was not found on PATH';
      return this.notify({ ...base, status: 'unavailable', message });
    }
    if (!this.versions.has(executable)) this.versions.set(executable, haproxyVersion(executable));
    const [version, run] = await Promise.all([this.versions.get(executable)!, runHaproxyCheck(executable, files.map((file) => file.path))]);
    if (!run.ran) return this.notify({ ...base, status: 'unavailable', version, message: run.error });
    const messages = parseCheckOutput(run.output);
    if (run.exitCode !== 0 && run.exitCode !== 2 && !messages.some((m) => m.severity === 'error')) {
      messages.push({ severity: 'error', text: `haproxy -c failed (exit code ${run.exitCode}) without saying why` });
    }
    for (const [fileUri, diagnostics] of checkDiagnostics(messages, files)) {
      this.results.set(fileUri, diagnostics);
      this.publish(fileUri);
    }
    const errors = messages.filter((m) => m.severity === 'error').length;
    for (const file of files) this.notify({ ...base, uri: file.uri, status: 'checked', version, errors, warnings: messages.length - errors });
  }

  private notify(params: HaproxyCheckedParams): void {
    // The method name, not the typed object: the server and the protocol package pin different vscode-jsonrpc copies.
    void this.connection.sendNotification(HaproxyCheckedNotification.method, params);
  }
}
