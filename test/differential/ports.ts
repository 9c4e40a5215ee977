import * as net from 'node:net';

/**
 * Finds `count` free TCP ports on 127.0.0.1. All are held open until every one is found, so one call
 * never returns the same port twice; they are released before returning, for HAProxy to bind.
 */
export async function allocatePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/**
 * Ports in LISTEN state on any address, read from /proc/net/tcp. Polling this tells when HAProxy has bound
 * its listeners without opening a connection (a probe connection would be routed by a tcp-mode proxy).
 */
export function listeningPorts(procText: string): Set<number> {
  const ports = new Set<number>();
  for (const line of procText.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || fields[3] !== '0A') continue;
    const port = parseInt(fields[1].split(':')[1] ?? '', 16);
    if (Number.isFinite(port)) ports.add(port);
  }
  return ports;
}
