import type { ProxyOutline, SimResult, TraceStep } from '../src/panel-messages';
import { button, el, type Child } from './dom';

export interface ResultHandlers {
  reveal(line: number): void;
}

/** Where a proxy or server name is defined, so every name shown can jump to its line. */
export class Outline {
  constructor(private readonly proxies: ProxyOutline[]) {}

  proxyLine(name: string | null, kinds: ProxyOutline['kind'][]): number {
    return this.proxies.find((p) => p.name === name && kinds.includes(p.kind))?.line ?? 0;
  }

  serverLine(backend: string | null, server: string | null): number {
    const proxy = this.proxies.find((p) => p.name === backend && p.kind !== 'frontend');
    return proxy?.servers.find((s) => s.name === server)?.line ?? 0;
  }
}

/** The short outcome shown on a request's header line: where it went or what HAProxy answered. */
export function outcomeText(result: SimResult | undefined): { text: string; tone: 'ok' | 'answer' | 'error' | 'none' } {
  if (!result) return { text: 'not simulated', tone: 'none' };
  if (result.error) return { text: 'not routed', tone: 'error' };
  if (result.status !== null) {
    const target = result.location ? ` → ${result.location}` : '';
    return { text: `${result.status}${target}`, tone: result.status >= 400 ? 'error' : 'answer' };
  }
  if (result.backend && result.server) return { text: `${result.backend} / ${result.server}`, tone: 'ok' };
  if (result.backend) return { text: result.backend, tone: 'ok' };
  return { text: result.frontend ?? 'no frontend', tone: 'none' };
}

function nameLink(name: string, line: number, what: string, handlers: ResultHandlers): Child {
  if (line <= 0) return el('code', {}, name);
  return button(el('code', {}, name), () => handlers.reveal(line), { class: 'link', title: `Go to line ${line}`, 'aria-label': `${what} ${name}, line ${line}` });
}

function field(label: string, ...value: Child[]): HTMLElement {
  return el('div', { class: 'field' }, el('dt', {}, label), el('dd', {}, ...value));
}

function traceStep(step: TraceStep, handlers: ResultHandlers): HTMLElement {
  const state = step.matched === true ? 'matched' : step.matched === false ? 'not matched' : '';
  const mark = step.matched === true ? '✓' : step.matched === false ? '✗' : '•';
  const tone = step.matched === true ? 'yes' : step.matched === false ? 'no' : 'info';
  const content: Child[] = [
    el('span', { class: `mark ${tone}`, 'aria-hidden': 'true' }, mark),
    el('span', { class: 'line-no' }, step.line > 0 ? `${step.line}` : ''),
    el('span', { class: 'step-text' }, el('code', {}, step.text), step.detail ? el('span', { class: 'step-detail' }, step.detail) : null),
  ];
  const spoken = [step.line > 0 ? `Line ${step.line}` : '', step.text, state, step.detail ?? ''].filter(Boolean).join(', ');
  const body =
    step.line > 0
      ? button(content, () => handlers.reveal(step.line), { class: `step ${tone}`, 'aria-label': spoken, title: `Go to line ${step.line}` })
      : el('div', { class: `step ${tone}`, 'aria-label': spoken }, ...content);
  return el('li', { 'data-kind': step.kind }, body);
}

/** Everything the simulator said about one request: frontend, backend, server and why, response, cookie, trace. */
export function renderResult(result: SimResult | undefined, outline: Outline, handlers: ResultHandlers): HTMLElement {
  if (!result) return el('div', { class: 'result muted' }, 'No result for this request yet.');
  const facts: Child[] = [];
  if (result.error) facts.push(field('Not routed', el('span', { class: 'error-text' }, result.error)));
  facts.push(field('Frontend', result.frontend ? nameLink(result.frontend, outline.proxyLine(result.frontend, ['frontend', 'listen']), 'Frontend', handlers) : el('span', { class: 'muted' }, 'none')));
  facts.push(field('Backend', result.backend ? nameLink(result.backend, outline.proxyLine(result.backend, ['backend', 'listen']), 'Backend', handlers) : el('span', { class: 'muted' }, 'none')));
  if (result.backend) {
    facts.push(
      field(
        'Server',
        result.server ? nameLink(result.server, outline.serverLine(result.backend, result.server), 'Server', handlers) : el('span', { class: 'muted' }, 'none available'),
        result.reason ? ' ' : null,
        result.reason ? el('span', { class: 'why' }, `(${result.reason})`) : null,
      ),
    );
  }
  if (result.status !== null) facts.push(field('Response', el('span', { class: 'status' }, `${result.status}`), result.location ? el('span', {}, ' Location: ', el('code', {}, result.location)) : null));
  else if (result.server) facts.push(field('Response', el('span', { class: 'muted' }, 'the server answers')));
  if (result.setCookie) facts.push(field('Set-Cookie', el('code', {}, result.setCookie)));
  const unsupported = result.unsupported?.length
    ? el('p', { class: 'unsupported', role: 'note' }, 'The simulator cannot know: ', result.unsupported.join('; '))
    : null;
  const trace = result.trace.length
    ? el('section', { class: 'trace' }, el('h4', {}, 'Rules evaluated'), el('ol', { class: 'steps' }, ...result.trace.map((s) => traceStep(s, handlers))))
    : null;
  return el('div', { class: 'result' }, el('dl', { class: 'facts' }, ...facts), unsupported, trace);
}
