import * as fs from 'node:fs';
import * as net from 'node:net';

/** Ports this process already handed out; never handed out twice, as HAProxy may not have bound them yet. */
const handedOut = new Set<number>();

/**
 * Finds `count` free TCP ports on 127.0.0.1, none handed out before by this process. Every port found is held
 * open until all are found, then released for HAProxy to bind.
 */
export async function allocatePorts(count: number): Promise<number[]> {
  const held: net.Server[] = [];
  const found: number[] = [];
  try {
    while (found.length < count) {
      const server = net.createServer();
      held.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const port = (server.address() as net.AddressInfo).port;
      if (!handedOut.has(port)) found.push(port);
    }
    for (const port of found) handedOut.add(port);
    return found;
  } finally {
    await Promise.all(held.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/**
 * Sockets in LISTEN state, port to socket inodes, read from /proc/net/tcp text. Matching the inodes with a
 * process's file descriptors tells when HAProxy itself listens, without opening a connection (a probe
 * connection would be routed by a tcp-mode proxy) and without mistaking someone else's socket for its own.
 */
export function listeningSockets(procText: string): Map<number, string[]> {
  const sockets = new Map<number, string[]>();
  for (const line of procText.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10 || fields[3] !== '0A') continue;
    const port = parseInt(fields[1].split(':')[1] ?? '', 16);
    if (!Number.isFinite(port)) continue;
    sockets.set(port, [...(sockets.get(port) ?? []), fields[9]]);
  }
  return sockets;
}

/** Inodes of the sockets a process holds open, from /proc/PID/fd. */
export function socketInodesOf(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // the descriptor closed while being read
    }
  }
  return inodes;
}
