/**
 * Custom LSP messages between the extension client and the HAProxy language server.
 * Each message is declared once here; the client and the server both import these declarations.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ServerState, SimRequest, SimResult } from './simulator/types';

export type { ServerState, SimRequest, SimResult, TraceStep } from './simulator/types';

/** The sample requests (and server states) to route through one open document. */
export interface SimulateParams {
  uri: string;
  requests: SimRequest[];
  serverStates?: ServerState[];
}

/** A problem that stops the document from being simulated, with its 1-based line. */
export interface SimulateParseError {
  line: number;
  message: string;
}

/** How many requests of the batch reached one server of a backend. */
export interface ServerShare {
  server: string;
  /** 1-based line of the `server` directive, 0 when unknown. */
  line: number;
  count: number;
}

/** How many requests of the batch went to one backend, and how they spread over its servers. */
export interface BackendShare {
  backend: string;
  /** 1-based line of the section header, 0 when unknown. */
  line: number;
  count: number;
  servers: ServerShare[];
  /** Requests that reached the backend but found no server (HAProxy answers 503). */
  noServer: number;
}

/** Where the whole batch went. */
export interface Distribution {
  total: number;
  backends: BackendShare[];
  /** Requests HAProxy answered itself before any backend: redirects, denies, returns, auth, services. */
  answered: number;
  /** Requests the simulator could not route (malformed request, no frontend listening...). */
  failed: number;
}

/** A proxy section and its servers, so a view can link any name it shows to its line. */
export interface ProxyOutline {
  name: string;
  kind: 'frontend' | 'backend' | 'listen';
  /** 1-based line of the section header. */
  line: number;
  servers: { name: string; line: number }[];
}

export interface SimulateResponse {
  uri: string;
  /** Version of the document the results belong to; null when the server does not know the document. */
  version: number | null;
  /** One result per request, in order; null when the document cannot be simulated (see parseErrors, error). */
  results: SimResult[] | null;
  distribution: Distribution;
  parseErrors: SimulateParseError[];
  /** Sample requests derived from the config itself: one per frontend bind and per routed path, host or header. */
  presets: SimRequest[];
  proxies: ProxyOutline[];
  /** Why nothing could be simulated, when it is not a parse error (unknown document, engine failure). */
  error?: string;
}

/** Routes sample requests through the current version of an open document. */
export const SimulateRequest = new RequestType<SimulateParams, SimulateResponse, void>('haproxy/simulate');

/**
 * The sample requests the user keeps for a document; the server counts them per section for its CodeLenses.
 * Without it the server counts the presets.
 */
export const SampleRequestsNotification = new NotificationType<SimulateParams>('haproxy/sampleRequests');

/** Whether the workspace is trusted. The client sends it on start (initializationOptions) and when trust is granted. */
export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** The client tells the server that the user trusts the workspace now: running `haproxy -c` becomes allowed. */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('haproxy/workspaceTrust');

/** The outcome of running the real `haproxy -c` over the config a document belongs to. */
export interface HaproxyCheckedParams {
  uri: string;
  /** `checked`: HAProxy ran; `unavailable`: no binary or it could not run; `untrusted`: not run in an untrusted workspace. */
  status: 'checked' | 'unavailable' | 'untrusted';
  /** HAProxy's version, `2.6.12`, when known. */
  version?: string;
  errors: number;
  warnings: number;
  /** How many files were checked together (more than one for a multi-file config). */
  files: number;
  /** Why HAProxy could not run, for `unavailable`. */
  message?: string;
}

/** The server reports each `haproxy -c` run, so the client can show which HAProxy checked the file. */
export const HaproxyCheckedNotification = new NotificationType<HaproxyCheckedParams>('haproxy/checked');
