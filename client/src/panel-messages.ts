/**
 * Messages between the routing preview's host (extension side) and its webview (browser side).
 * Type declarations only: the webview imports this file with `import type`, so nothing of it is bundled there.
 */
import type { ServerState, SimRequest, SimulateResponse } from '../../server/src/protocol';

export type { ServerState, SimRequest, SimulateResponse };
export type { BackendShare, Distribution, ProxyOutline, ServerShare, SimResult, TraceStep } from '../../server/src/protocol';

/** Why the shown results are not those of the current text: the first parse error, with its 1-based line. */
export interface StaleReason {
  line: number;
  message: string;
}

/** Everything the webview shows; the host sends it whole, the webview renders it. */
export interface PanelView {
  /** File name of the bound document, for the title. */
  fileName: string;
  documentUri: string;
  requests: SimRequest[];
  serverStates: ServerState[];
  /** A frontend/backend/listen name to highlight (opened from a CodeLens), or null. */
  focus: string | null;
  /** Last result computed on a text without parse errors; kept while the text is broken. */
  result: SimulateResponse | null;
  /** Set while the current text does not parse: the results shown are from an older version. */
  stale: StaleReason | null;
  /** A problem to show that is not a parse error (language server unavailable, failed import...). */
  error: string | null;
}

/** The state the webview keeps across hide/show and window reloads (vscode.setState / the serializer). */
export interface PanelPersistedState {
  documentUri: string;
  focus: string | null;
  /** Indexes of the request cards the user opened. */
  expanded?: number[];
}

export type HostToPanel = { type: 'view'; view: PanelView };

export type PanelToHost =
  | { type: 'ready' }
  | { type: 'editRequest'; index: number; request: SimRequest }
  | { type: 'addRequest' }
  | { type: 'removeRequest'; index: number }
  | { type: 'setServerState'; backend: string; server: string; state: ServerState['state'] }
  | { type: 'reveal'; line: number }
  | { type: 'loadPresets' }
  | { type: 'import' }
  | { type: 'export' }
  | { type: 'focus'; section: string | null };
