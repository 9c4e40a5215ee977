/** One request given to the simulator. */
export interface SimRequest {
  method: string;
  url: string;
  headers?: Record<string, string | string[]>;
  src?: string;
  dst?: string;
  sni?: string;
  /** Milliseconds since the start of the run; rates and expiries use it. Defaults to the previous request's time. */
  time?: number;
  /** Request body, used by `balance url_param ... check_post` and body fetches. */
  body?: string;
}

export interface ServerState {
  backend: string;
  server: string;
  state: 'up' | 'down' | 'maint' | 'drain';
}

export interface SimOptions {
  serverStates?: ServerState[];
  /** Directory against which relative map/ACL file names are resolved. */
  baseDir?: string;
  readFile?: (path: string) => string | undefined;
}

export interface TraceStep {
  /** 1-based line of the configuration that produced the step (0 when none). */
  line: number;
  text: string;
  matched?: boolean;
  detail?: string;
  kind: string;
}

export interface SimResult {
  frontend: string | null;
  backend: string | null;
  server: string | null;
  status: number | null;
  location: string | null;
  setCookie: string | null;
  trace: TraceStep[];
  error?: string;
  unsupported?: string[];
  /** Why the server was chosen: `roundrobin`, `cookie`, `hash`, `stick`, `backup`... */
  reason?: string;
}
