import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { median } from '../stats';

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU time of the process and its children. */
  cpuMs: number;
  exitCode: number;
}

/** Runs a command to completion (output discarded) and reports its wall and CPU time, as bash's `time` sees them. */
export function timeProcess(command: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const script = 'TIMEFORMAT="%R %U %S"; { time "$@" >/dev/null 2>&1 ; } 2>&1; echo "exit $?"';
  const result = spawnSync('bash', ['-c', script, 'bash', ...command], { encoding: 'utf8', env });
  const lines = result.stdout.trim().split('\n');
  const [real, user, sys] = (lines.at(-2) ?? '').split(' ').map(Number);
  const exitCode = Number(/exit (\d+)/.exec(lines.at(-1) ?? '')?.[1] ?? -1);
  return { wallMs: real * 1000, cpuMs: (user + sys) * 1000, exitCode };
}

export interface MedianRuns {
  wallMs: number;
  cpuMs: number;
  exitCodes: number[];
  runs: number;
}

export function summarize(runs: ProcessRun[]): MedianRuns {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    exitCodes: [...new Set(runs.map((r) => r.exitCode))],
    runs: runs.length,
  };
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) a running process has used so far, from /proc (Linux only; NaN elsewhere). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Resident and peak resident memory of a running process in bytes, from /proc (Linux only). */
export function processMemory(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}
