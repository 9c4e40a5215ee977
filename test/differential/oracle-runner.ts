import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEchoServer, type EchoServer } from './echo-server';
import { startHaproxy, type HaproxyProcess } from './haproxy-process';
import { sendRequest } from './http-client';
import { allocatePorts } from './ports';
import type { Observation, ResolvedRequest, Scenario } from './scenario';
import { fillPlaceholders, findServerSlots, portNames, resolveConfig, resolveRequest } from './template';

/** One scenario played against the real HAProxy: the concrete config and requests, and its answers. */
export interface OracleRun {
  scenario: Scenario;
  /** Temporary directory holding haproxy.cfg and the scenario's files; remove with `cleanup`. */
  dir: string;
  config: string;
  requests: ResolvedRequest[];
  observations: Observation[];
  /** Servers HAProxy reported down before the first request (`backend/server`). */
  downServers: { backend: string; server: string }[];
  /** HAProxy's own output (warnings, state changes). */
  haproxyOutput: string;
  cleanup(): void;
}

export interface OracleOptions {
  /** PEM file for TLS binds (`{{cert}}`). */
  certPath: string;
}

const BIND_ATTEMPTS = 4;
/**
 * Where `{{closed}}` servers point: port 1 on a loopback address nothing else uses. A port picked as free
 * could be taken meanwhile by another run's listener; this one is refused every time.
 */
export const CLOSED_ADDRESS = '127.254.0.1:1';

/**
 * Plays a scenario against the real HAProxy: writes its files into a fresh temporary directory, starts one
 * echo server per `{{echo}}` server line, starts HAProxy, waits for it (and for its checks to mark the
 * `{{closed}}` servers down), sends the requests one after the other and records each answer. HAProxy and
 * the echo servers are always stopped before returning; the directory stays until `cleanup`.
 */
export async function runOnHaproxy(scenario: Scenario, options: OracleOptions): Promise<OracleRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hx-diff-${scenario.name}-`));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const echoes: EchoServer[] = [];
  let haproxy: HaproxyProcess | undefined;
  try {
    const slots = findServerSlots(scenario.config);
    const closedSlots = slots.filter((s) => s.kind === 'closed');
    const addresses: string[] = [];
    for (const slot of slots) {
      if (slot.kind === 'echo') {
        const echo = await startEchoServer(slot.backend, slot.server);
        echoes.push(echo);
        addresses.push(`127.0.0.1:${echo.port}`);
      } else {
        addresses.push(CLOSED_ADDRESS);
      }
    }
    const names = portNames(scenario);
    for (let attempt = 1; ; attempt++) {
      const ports = new Map<string, number>();
      (await allocatePorts(names.length)).forEach((port, i) => ports.set(names[i], port));
      const values = { ports, dir, cert: options.certPath, serverAddresses: addresses };
      const config = resolveConfig(scenario.config, values);
      for (const [name, content] of Object.entries(scenario.files ?? {})) {
        fs.writeFileSync(path.join(dir, name), fillPlaceholders(content, values));
      }
      const configPath = path.join(dir, 'haproxy.cfg');
      fs.writeFileSync(configPath, config);
      try {
        haproxy = await startHaproxy(configPath, {
          ports: [...ports.values()],
          down: closedSlots.map((s) => `${s.backend}/${s.server}`),
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (attempt < BIND_ATTEMPTS && /cannot (bind|listen)|address already in use/i.test(message)) continue;
        throw new Error(`scenario ${scenario.name}: ${message}`);
      }
      const requests = scenario.requests.map((r, i) => resolveRequest(r, i, values));
      const observations: Observation[] = [];
      for (const request of requests) observations.push(await sendRequest(request));
      return {
        scenario,
        dir,
        config,
        requests,
        observations,
        downServers: closedSlots.map(({ backend, server }) => ({ backend, server })),
        haproxyOutput: haproxy.output(),
        cleanup,
      };
    }
  } catch (err) {
    cleanup();
    throw err;
  } finally {
    await haproxy?.stop();
    await Promise.all(echoes.map((e) => e.close()));
  }
}

/** One line per request: what was sent and what the real HAProxy answered. */
export function describeExchange(request: ResolvedRequest, observation: Observation): string {
  const sent = `${request.method} ${request.url}${request.sni ? ` sni=${request.sni}` : ''} src=${request.src}`;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name.toLowerCase() !== 'host')
    .map(([name, value]) => ` ${name}: ${value}`)
    .join(';');
  return `${sent}${headers ? ` [${headers.trim()}]` : ''} -> ${describeObservation(observation)}`;
}

export function describeObservation(o: Observation): string {
  const parts = [o.status === null ? 'no response' : String(o.status)];
  if (o.servedBy) parts.push(`server=${o.servedBy}`);
  if (o.location) parts.push(`location=${o.location}`);
  if (o.setCookie) parts.push(`set-cookie="${o.setCookie}"`);
  if (o.error) parts.push(`(${o.error})`);
  return parts.join(' ');
}
