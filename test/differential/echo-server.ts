import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The header an echo server puts on every answer: `backend/server`. */
export const SERVED_BY_HEADER = 'x-served-by';

export interface EchoServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on a free 127.0.0.1 port that answers every request with 200, naming the backend and
 * server it stands for. It sets no cookie, so any Set-Cookie the client sees was added by HAProxy.
 */
export async function startEchoServer(backend: string, server: string): Promise<EchoServer> {
  const httpServer = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({ backend, server, method: req.method, url: req.url, headers: req.headers });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        [SERVED_BY_HEADER]: `${backend}/${server}`,
      });
      res.end(body);
    });
  });
  httpServer.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
}
