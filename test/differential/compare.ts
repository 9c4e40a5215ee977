import type { Observation } from './scenario';
import type { SimResult } from './simulator-runner';

/**
 * The ways the simulator's answer differs from what the real HAProxy did; empty when they agree. Compared:
 * who answered (a server, named `backend/server`, or HAProxy itself with its status, or nobody when the
 * connection closed), the Location header and the Set-Cookie HAProxy added.
 */
export function differences(observed: Observation, simulated: SimResult): string[] {
  const found: string[] = [];
  const simServer = simulated.server ? `${simulated.backend}/${simulated.server}` : null;
  const real = describeAnswer(observed.servedBy, observed.servedBy !== null ? null : observed.status);
  const sim = describeAnswer(simServer, simulated.status ?? null);
  if (real !== sim) found.push(`answer: haproxy ${real}, simulator ${sim}`);
  if (observed.location !== (simulated.location ?? null)) {
    found.push(`location: haproxy ${show(observed.location)}, simulator ${show(simulated.location)}`);
  }
  if (observed.setCookie !== (simulated.setCookie ?? null)) {
    found.push(`set-cookie: haproxy ${show(observed.setCookie)}, simulator ${show(simulated.setCookie)}`);
  }
  if (found.length > 0 && simulated.error) found.push(`simulator error: ${simulated.error}`);
  return found;
}

function describeAnswer(server: string | null, status: number | null): string {
  if (server !== null && status !== null) return `status ${status} from server ${server}`;
  if (server !== null) return `forwarded to ${server}`;
  if (status !== null) return `status ${status}`;
  return 'connection closed without a response';
}

function show(value: string | null | undefined): string {
  return value === null || value === undefined ? 'none' : JSON.stringify(value);
}
