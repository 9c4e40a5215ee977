import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { DocumentStore } from './document-store';

/** Publishes diagnostics after edits, debounced per document; a newer edit cancels the pending run. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly sources: ((uri: string) => Diagnostic[])[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: DocumentStore,
    private delayMs = 150,
  ) {}

  /** Sets the debounce delay; 0 publishes as soon as the edit has been processed (benchmarks, tests). */
  setDelay(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) this.delayMs = ms;
  }

  /** Adds diagnostics from elsewhere (the real `haproxy -c`), published together with the lint findings. */
  addSource(source: (uri: string) => Diagnostic[]): void {
    this.sources.push(source);
  }

  schedule(uri: string, immediately = false): void {
    clearTimeout(this.timers.get(uri));
    if (immediately) {
      this.publish(uri);
      return;
    }
    this.timers.set(uri, setTimeout(() => this.publish(uri), this.delayMs));
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  publishAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, true);
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      const findings = this.store.get(document).findings;
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...findings.map(toDiagnostic), ...this.sources.flatMap((source) => source(uri))] });
    } catch (error) {
      this.connection.console.error(`haproxy: diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}
