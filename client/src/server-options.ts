import type { ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** V8 heap limit of the language server, in MB, when the setting is unset or unusable. */
export const DEFAULT_SERVER_MEMORY_MB = 512;
const MIN_SERVER_MEMORY_MB = 128;

/**
 * Node flags for the language server process. Without a limit V8 lets its heap grow to a large share of the
 * machine's memory before collecting in earnest; with one it collects sooner and the server stays smaller.
 * `0` leaves Node's own default.
 */
export function serverExecArgv(maxMemoryMb: unknown): string[] {
  if (maxMemoryMb === 0) return [];
  const valid = typeof maxMemoryMb === 'number' && Number.isFinite(maxMemoryMb) && maxMemoryMb >= MIN_SERVER_MEMORY_MB;
  return [`--max-old-space-size=${valid ? Math.floor(maxMemoryMb) : DEFAULT_SERVER_MEMORY_MB}`];
}

/** How the client starts the server module: over IPC, with the heap limit of `haproxy.server.maxMemory`, and an inspector port when debugging. */
export function serverOptionsFor(serverModule: string, maxMemoryMb: unknown, transport: TransportKind): ServerOptions {
  const execArgv = serverExecArgv(maxMemoryMb);
  return {
    run: { module: serverModule, transport, options: { execArgv } },
    debug: { module: serverModule, transport, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6011'] } },
  };
}
