import type { TraceStep } from './types';

/** Collects the steps of one request's evaluation. */
export class Trace {
  readonly steps: TraceStep[] = [];

  add(kind: string, line: number, text: string, extra: { matched?: boolean; detail?: string } = {}): void {
    const step: TraceStep = { kind, line, text };
    if (extra.matched !== undefined) step.matched = extra.matched;
    if (extra.detail !== undefined && extra.detail !== '') step.detail = extra.detail;
    this.steps.push(step);
  }
}
