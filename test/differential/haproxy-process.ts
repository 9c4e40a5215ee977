import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { listeningSockets, socketInodesOf } from './ports';

export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

const READY_TIMEOUT_MS = 15000;
const POLL_MS = 20;

/** HAProxy processes still running, so none outlives the test run even when a run is interrupted. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface HaproxyProcess {
  /** Everything HAProxy printed so far (warnings, server state changes). */
  output(): string;
  stop(): Promise<void>;
}

export interface ReadyWhen {
  /** Ports HAProxy must be listening on. */
  ports: number[];
  /** `backend/server` names HAProxy must have reported DOWN. */
  down: string[];
}

/** Whether a usable HAProxy binary is present. */
export function haproxyAvailable(): boolean {
  try {
    fs.accessSync(HAPROXY_BIN, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `haproxy -db -f cfg` in the foreground and resolves once it listens on every port and has marked
 * every expected server down. Rejects with HAProxy's own output when it exits or is not ready in time.
 */
export async function startHaproxy(configPath: string, ready: ReadyWhen): Promise<HaproxyProcess> {
  const child = spawn(HAPROXY_BIN, ['-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `haproxy exited (${signal ?? code})`));
  child.on('error', (err) => (exited = `haproxy failed to start: ${err.message}`));
  const handle: HaproxyProcess = { output: () => output, stop: () => stopChild(child) };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) throw new Error(`${exited}\n${output}`);
    if (child.pid !== undefined && isReady(ready, output, child.pid)) return handle;
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`haproxy not ready after ${READY_TIMEOUT_MS} ms (waiting for ports ${ready.ports.join(', ')} ` +
        `and down servers ${ready.down.join(', ') || 'none'})\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function isReady(ready: ReadyWhen, output: string, pid: number): boolean {
  const down = ready.down.every((name) => output.includes(`Server ${name} is DOWN`));
  if (!down) return false;
  const listening = listeningSockets(fs.readFileSync('/proc/net/tcp', 'utf8'));
  const own = socketInodesOf(pid);
  return ready.ports.every((port) => (listening.get(port) ?? []).some((inode) => own.has(inode)));
}

/** Stops every HAProxy this module started that is still running. */
export async function stopAllHaproxy(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
