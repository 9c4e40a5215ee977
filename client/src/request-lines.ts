import type { ServerState, SimRequest } from './panel-messages';

/** Requests read from a JSON-lines text, and the lines that could not be read (1-based, with the reason). */
export interface RequestLinesParse {
  requests: SimRequest[];
  errors: { line: number; message: string }[];
}

const SERVER_STATES: ReadonlySet<string> = new Set(['up', 'down', 'maint', 'drain']);

/**
 * Checks that a value has the shape of a request of the `haproxy-route` JSON-lines format and returns a clean
 * copy (only the known fields), or the reason it is not one. A TCP request (`tcp://` URL) may omit its method.
 */
export function cleanRequest(value: unknown): SimRequest | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const input = value as Record<string, unknown>;
  if (typeof input.url !== 'string' || input.url === '') return '"url" must be a non-empty string';
  if (input.method !== undefined && typeof input.method !== 'string') return '"method" must be a string';
  const request: SimRequest = { method: typeof input.method === 'string' ? input.method : '', url: input.url };
  if (input.method === undefined && !/^tcp:/i.test(input.url)) request.method = 'GET';
  if (input.headers !== undefined) {
    if (!input.headers || typeof input.headers !== 'object' || Array.isArray(input.headers)) return '"headers" must be an object';
    const headers: Record<string, string | string[]> = {};
    for (const [name, header] of Object.entries(input.headers as Record<string, unknown>)) {
      if (typeof header === 'string') headers[name] = header;
      else if (Array.isArray(header) && header.every((h) => typeof h === 'string')) headers[name] = [...(header as string[])];
      else return `header "${name}" must be a string or a list of strings`;
    }
    request.headers = headers;
  }
  for (const key of ['src', 'dst', 'sni'] as const) {
    const field = input[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return `"${key}" must be a string`;
    request[key] = field;
  }
  return request;
}

/** Reads the `haproxy-route` requests format: one JSON object a line; blank lines and `#` comments are skipped. */
export function parseRequestLines(text: string): RequestLinesParse {
  const result: RequestLinesParse = { requests: [], errors: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.errors.push({ line: index + 1, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    const request = cleanRequest(value);
    if (typeof request === 'string') result.errors.push({ line: index + 1, message: request });
    else result.requests.push(request);
  });
  return result;
}

/** Writes requests in the `haproxy-route` format, one JSON object a line, method omitted for TCP requests. */
export function formatRequestLines(requests: SimRequest[]): string {
  return requests.map((request) => JSON.stringify(request.method === '' ? { ...request, method: undefined } : request)).join('\n') + (requests.length ? '\n' : '');
}

/** Keeps only well-formed server states; `up` entries are dropped since every server starts up. */
export function cleanServerStates(value: unknown): ServerState[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (s): s is ServerState =>
      Boolean(s) && typeof s === 'object' && typeof s.backend === 'string' && typeof s.server === 'string' && SERVER_STATES.has(s.state) && s.state !== 'up',
  );
}
