/**
 * A differential scenario: a config template and the requests to send through it. There are no expected
 * answers here; the real HAProxy is the oracle.
 *
 * Placeholders in `config`, `files` and request URLs:
 * - `{{port:NAME}}`   a free loopback port, the same number wherever NAME repeats;
 * - `{{echo}}`        as a server address: an echo server that answers 200 naming its backend and server;
 * - `{{closed}}`      as a server address where nothing listens (needs `check`, so HAProxy marks it down);
 * - `{{dir}}`         the scenario's temporary directory, where `files` are written;
 * - `{{cert}}`        a PEM file (self-signed certificate and key) made with openssl at test time.
 */
export interface Scenario {
  name: string;
  /** What the scenario proves, one line. */
  about: string;
  config: string;
  /** Extra files (map files, pattern files) by name, written into `{{dir}}`. */
  files?: Record<string, string>;
  requests: ScenarioRequest[];
}

export interface ScenarioRequest {
  method?: string;
  /** Absolute URL; a host name in it becomes the Host header while the connection goes to 127.0.0.1. */
  url: string;
  headers?: Record<string, string>;
  /** Source address (127.x.y.z); when absent each request gets its own. */
  src?: string;
  /** TLS server name to send; only for https URLs. */
  sni?: string;
}

/** A request with every placeholder replaced: what goes on the wire and into the simulator. */
export interface ResolvedRequest {
  method: string;
  url: string;
  /** The headers sent, Host included (Connection: close is added on the wire only). */
  headers: Record<string, string>;
  src: string;
  /** Address and port the connection goes to. */
  dst: string;
  port: number;
  tls: boolean;
  sni?: string;
}

/** What the real HAProxy answered to one request. */
export interface Observation {
  /** HTTP status seen by the client, null when the connection closed without a response. */
  status: number | null;
  location: string | null;
  /** `backend/server` named by the echo server that answered, null when HAProxy answered itself. */
  servedBy: string | null;
  setCookie: string | null;
  /** Transport failure (reset, closed, timeout). */
  error?: string;
}
