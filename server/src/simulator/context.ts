import type { IpAddress } from './ip';
import type { HttpMessage } from './request';
import type { Sample } from './sample';
import type { StickEntry, StickTable } from './stick-tables';
import type { Trace } from './trace';

/** What fetches and actions may ask of the simulator while a stream runs. */
export interface SimEnvironment {
  tables: Map<string, StickTable>;
  /** Reads a pattern or map file (already resolved against the base directory); undefined when missing. */
  readFile(path: string): string | undefined;
  backendNames: Set<string>;
  /** Usable server count of a backend, for nbsrv()/srv_is_up(). */
  serverUp(backend: string, server?: string): number;
  userlists: Map<string, Map<string, { password: string; groups: string[] }>>;
}

/** A tracked stick counter (track-scN): the table and the entry it points to. */
export interface TrackedCounter {
  table: StickTable;
  entry: StickEntry;
}

/** The state of one stream (one request on its own connection) while HAProxy processes it. */
export interface StreamContext {
  http: HttpMessage;
  /** False for tcp-mode proxies: HTTP fetches have nothing to read. */
  isHttp: boolean;
  scheme: 'http' | 'https';
  src: IpAddress;
  srcPort: number;
  dst?: IpAddress;
  dstPort: number;
  sni?: string;
  /** TLS is terminated by the bind (`ssl`). */
  ssl: boolean;
  /** A TLS ClientHello passes through unterminated (https to a plain bind of a tcp-mode proxy). */
  clientHello: boolean;
  frontendName: string;
  frontendId: number;
  backendName?: string;
  backendId?: number;
  /** The proxy whose rules run now (for `table` defaults and sc fetches without a table). */
  currentProxy: string;
  vars: Map<string, Sample>;
  trackers: (TrackedCounter | undefined)[];
  now: number;
  env: SimEnvironment;
  trace: Trace;
  unsupported: Set<string>;
  /** Authentication already evaluated for the stream. */
  authUser?: string;
}
