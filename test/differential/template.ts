import type { ResolvedRequest, Scenario, ScenarioRequest } from './scenario';

/** A `server` line whose address is `{{echo}}` or `{{closed}}`. */
export interface ServerSlot {
  backend: string;
  server: string;
  kind: 'echo' | 'closed';
}

export interface TemplateValues {
  ports: Map<string, number>;
  /** Address per `backend/server` slot, in `findServerSlots` order. */
  serverAddresses: string[];
  dir: string;
  cert: string;
}

const SECTION_HEADER = /^\s*(global|defaults|frontend|backend|listen|userlist|peers|resolvers|mailers|program|http-errors|ring|cache)\b(?:\s+(\S+))?/;
const SERVER_SLOT = /^(\s*server\s+(\S+)\s+)\{\{(echo|closed)\}\}/;
const PORT_PLACEHOLDER = /\{\{port:([A-Za-z0-9_-]+)\}\}/g;

/** Lists the server lines to back with an echo server or a closed port, in file order. */
export function findServerSlots(config: string): ServerSlot[] {
  const slots: ServerSlot[] = [];
  let proxy = '';
  config.split('\n').forEach((line, index) => {
    const header = SECTION_HEADER.exec(line);
    if (header) proxy = header[2] ?? '';
    const slot = SERVER_SLOT.exec(line);
    if (!slot) return;
    const kind = slot[3] as ServerSlot['kind'];
    if (kind === 'closed' && !/\scheck\b/.test(line)) {
      throw new Error(`line ${index + 1}: a {{closed}} server needs 'check' so HAProxy marks it down`);
    }
    slots.push({ backend: proxy, server: slot[2], kind });
  });
  return slots;
}

/** Every `{{port:NAME}}` name used by the config, the files or the requests. */
export function portNames(scenario: Scenario): string[] {
  const texts = [scenario.config, ...Object.values(scenario.files ?? {}), ...scenario.requests.map((r) => r.url)];
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PORT_PLACEHOLDER)) names.add(m[1]);
  return [...names];
}

/** Replaces the simple placeholders (`{{port:*}}`, `{{dir}}`, `{{cert}}`) in any text. */
export function fillPlaceholders(text: string, values: Pick<TemplateValues, 'ports' | 'dir' | 'cert'>): string {
  return text
    .replace(PORT_PLACEHOLDER, (_all, name: string) => {
      const port = values.ports.get(name);
      if (port === undefined) throw new Error(`no port allocated for {{port:${name}}}`);
      return String(port);
    })
    .replace(/\{\{dir\}\}/g, values.dir)
    .replace(/\{\{cert\}\}/g, values.cert);
}

/** The config with every placeholder replaced, server slots in the order `findServerSlots` gives. */
export function resolveConfig(config: string, values: TemplateValues): string {
  let slot = 0;
  const lines = config.split('\n').map((line) =>
    line.replace(SERVER_SLOT, (_all, head: string) => {
      const address = values.serverAddresses[slot++];
      if (address === undefined) throw new Error('more server slots than addresses');
      return head + address;
    }),
  );
  return fillPlaceholders(lines.join('\n'), values);
}

/**
 * Turns a scenario request into the exact request sent: the connection goes to the URL's address (a host
 * name means 127.0.0.1), the Host header is written out, and a source address is assigned when missing.
 */
export function resolveRequest(
  request: ScenarioRequest,
  index: number,
  values: Pick<TemplateValues, 'ports' | 'dir' | 'cert'>,
): ResolvedRequest {
  const url = new URL(fillPlaceholders(request.url, values));
  const tls = url.protocol === 'https:';
  const defaultPort = tls ? 443 : 80;
  const port = url.port === '' ? defaultPort : Number(url.port);
  const hostIsAddress = /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname);
  const headers: Record<string, string> = {};
  const given = request.headers ?? {};
  if (!Object.keys(given).some((h) => h.toLowerCase() === 'host')) headers.Host = url.host;
  Object.assign(headers, given);
  return {
    method: request.method ?? 'GET',
    url: url.href,
    headers,
    src: request.src ?? defaultSource(index),
    dst: hostIsAddress ? url.hostname : '127.0.0.1',
    port,
    tls,
    ...(request.sni !== undefined ? { sni: request.sni } : {}),
  };
}

/** A distinct loopback source per request index, with varied bytes so address hashes spread. */
export function defaultSource(index: number): string {
  return `127.${100 + (index % 50)}.${(index * 37 + 11) % 256}.${1 + (index % 250)}`;
}
