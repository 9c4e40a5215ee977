import * as http from 'node:http';
import * as https from 'node:https';
import { SERVED_BY_HEADER } from './echo-server';
import type { Observation, ResolvedRequest } from './scenario';

const REQUEST_TIMEOUT_MS = 5000;

/**
 * Sends one request on its own connection from its source address and reports what came back. It resolves
 * only once the connection is closed, so HAProxy has released the stream (leastconn counts, rates) before
 * the next request starts.
 */
export function sendRequest(request: ResolvedRequest): Promise<Observation> {
  const target = new URL(request.url);
  const options: https.RequestOptions = {
    host: request.dst,
    port: request.port,
    method: request.method,
    path: target.pathname + target.search,
    headers: { ...request.headers, Connection: 'close' },
    localAddress: request.src,
    agent: false,
    timeout: REQUEST_TIMEOUT_MS,
  };
  if (request.tls) {
    options.rejectUnauthorized = false;
    if (request.sni !== undefined) options.servername = request.sni;
  }
  return new Promise<Observation>((resolve) => {
    let settled = false;
    let observation: Observation | undefined;
    const finish = (result: Observation) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = (request.tls ? https : http).request(options, (res) => {
      const setCookie = res.headers['set-cookie'];
      const servedBy = res.headers[SERVED_BY_HEADER];
      observation = {
        status: res.statusCode ?? null,
        location: res.headers.location ?? null,
        servedBy: typeof servedBy === 'string' ? servedBy : null,
        setCookie: setCookie && setCookie.length > 0 ? setCookie.join(', ') : null,
      };
      res.resume();
    });
    req.on('socket', (socket) => {
      socket.on('close', () => finish(observation ?? closedWithoutAnswer('connection closed')));
    });
    req.on('timeout', () => {
      req.destroy();
      finish({ ...closedWithoutAnswer('timeout'), ...(observation ?? {}) });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (observation) return;
      finish(closedWithoutAnswer(err.code ?? err.message));
    });
    req.end();
  });
}

function closedWithoutAnswer(error: string): Observation {
  return { status: null, location: null, servedBy: null, setCookie: null, error };
}
