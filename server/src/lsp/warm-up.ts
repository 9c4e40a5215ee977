import { DocumentState, type ConfigDocument } from '../analysis/config-document';

/**
 * Resumes `work` once per turn of the event loop, so a request that arrives meanwhile waits for one slice of
 * it at most; stops when the work is done, no longer wanted, or fails.
 */
export function runInTurns(work: Iterator<unknown>, wanted: () => boolean, onError: (error: unknown) => void): void {
  const turn = () => {
    if (!wanted()) return;
    try {
      if (work.next().done) return;
    } catch (error) {
      onError(error);
      return;
    }
    setImmediate(turn);
  };
  setImmediate(turn);
}

/** Steps as work that pauses after each one. */
export function* eachStep(steps: Iterable<() => void>): Generator<void> {
  for (const step of steps) {
    step();
    yield;
  }
}

/**
 * Builds the indexes of a document's language features once its diagnostics are done, before the user's
 * first hover or completion on that version would build them. Waits for the analysis rather than doing
 * it (diagnostics come first), starts only when the user has stopped typing for `idleMs` (while edits come in,
 * each version would be indexed for nothing, and that work would delay the next edit's diagnostics), and gives
 * up on a version as soon as a newer one exists.
 */
export class DocumentWarmUp {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly current: (uri: string) => ConfigDocument | undefined,
    private readonly work: (document: ConfigDocument) => Iterator<unknown>,
    private readonly onError: (error: unknown) => void,
    private readonly pollMs = 10,
    private readonly idleMs = 250,
  ) {}

  /**
   * Warms the document's current version `idleMs` after the last call, once it has been analysed (checked every
   * `pollMs`, for a minute at most).
   */
  schedule(uri: string, attempts = 6000, delay = this.idleMs): void {
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const document = this.current(uri);
      if (!document) return;
      if (document.state < DocumentState.Validated) {
        if (attempts > 1) this.schedule(uri, attempts - 1, this.pollMs);
        return;
      }
      runInTurns(this.work(document), () => this.current(uri) === document, this.onError);
    }, delay);
    timer.unref?.();
    this.timers.set(uri, timer);
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }
}
