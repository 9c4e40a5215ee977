import { DocumentState, type ConfigDocument } from '../analysis/config-document';

/** Runs steps one per turn of the event loop, so a request that arrives meanwhile waits for one step at most. */
export function runSteps(steps: readonly (() => void)[], wanted: () => boolean, onError: (error: unknown) => void): void {
  const next = (index: number) => {
    if (index >= steps.length || !wanted()) return;
    try {
      steps[index]();
    } catch (error) {
      onError(error);
      return;
    }
    setImmediate(next, index + 1);
  };
  setImmediate(next, 0);
}

/**
 * Builds the indexes of a document's language features once its diagnostics are done, before the user's
 * first hover or completion on that version would build them. Waits for the analysis rather than doing
 * it (diagnostics come first), and gives up on a version as soon as a newer one exists.
 */
export class DocumentWarmUp {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly current: (uri: string) => ConfigDocument | undefined,
    private readonly steps: (document: ConfigDocument) => (() => void)[],
    private readonly onError: (error: unknown) => void,
    private readonly pollMs = 10,
  ) {}

  /** Warms the document's current version when it has been analysed (checked every `pollMs`, for a minute at most). */
  schedule(uri: string, attempts = 6000): void {
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const document = this.current(uri);
      if (!document) return;
      if (document.state < DocumentState.Validated) {
        if (attempts > 1) this.schedule(uri, attempts - 1);
        return;
      }
      runSteps(this.steps(document), () => this.current(uri) === document, this.onError);
    }, this.pollMs);
    timer.unref?.();
    this.timers.set(uri, timer);
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }
}
