import type { SimRequest, SimResult } from '../src/panel-messages';
import { button, el, replaceChildren } from './dom';
import { outcomeText, renderResult, type Outline, type ResultHandlers } from './render-result';

export interface CardHandlers extends ResultHandlers {
  edit(index: number, request: SimRequest): void;
  remove(index: number): void;
  toggled(index: number, open: boolean): void;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE'];

/** `Name: value` lines <-> the request's header object (a repeated name becomes a list). */
export function headersToText(headers: SimRequest['headers']): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  return lines.join('\n');
}

export function textToHeaders(text: string): SimRequest['headers'] | undefined {
  const headers: Record<string, string | string[]> = {};
  for (const raw of text.split('\n')) {
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    const name = raw.slice(0, colon).trim();
    const value = raw.slice(colon + 1).trim();
    if (!name) continue;
    const existing = headers[name];
    headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return Object.keys(headers).length ? headers : undefined;
}

let nextId = 0;

/**
 * One request: a header line (method, URL, outcome) that opens an editor and the simulator's answer.
 * The card keeps its DOM between updates and only rewrites what changed, so typing is never interrupted.
 */
export class RequestCard {
  readonly element: HTMLElement;
  private readonly id = `req-${nextId++}`;
  private readonly toggle: HTMLButtonElement;
  private readonly summaryMethod: HTMLElement;
  private readonly summaryUrl: HTMLElement;
  private readonly summaryOutcome: HTMLElement;
  private readonly details: HTMLElement;
  private readonly method: HTMLInputElement;
  private readonly url: HTMLInputElement;
  private readonly src: HTMLInputElement;
  private readonly headers: HTMLTextAreaElement;
  private readonly resultBox: HTMLElement;
  private readonly indexLabel: HTMLElement;
  private request: SimRequest;
  private resultKey = '';
  private open = false;

  constructor(
    private index: number,
    request: SimRequest,
    private readonly handlers: CardHandlers,
  ) {
    this.request = request;
    this.indexLabel = el('span', { class: 'index' });
    this.summaryMethod = el('span', { class: 'method' });
    this.summaryUrl = el('span', { class: 'url' });
    this.summaryOutcome = el('span', { class: 'outcome' });
    this.toggle = button([el('span', { class: 'chevron', 'aria-hidden': 'true' }), this.indexLabel, this.summaryMethod, this.summaryUrl, el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), this.summaryOutcome], () => this.setOpen(!this.open), {
      class: 'card-toggle',
      'aria-expanded': 'false',
      'aria-controls': `${this.id}-details`,
    });

    this.method = el('input', { class: 'input method-input', list: 'methods', spellcheck: 'false', autocomplete: 'off', id: `${this.id}-method` });
    this.url = el('input', { class: 'input url-input', spellcheck: 'false', autocomplete: 'off', id: `${this.id}-url` });
    this.src = el('input', { class: 'input src-input', spellcheck: 'false', autocomplete: 'off', placeholder: '127.0.0.1', id: `${this.id}-src` });
    this.headers = el('textarea', { class: 'input headers-input', rows: '3', spellcheck: 'false', placeholder: 'Name: value', id: `${this.id}-headers` });
    for (const input of [this.method, this.url, this.src, this.headers]) input.addEventListener('change', () => this.commit());
    for (const input of [this.method, this.url, this.src]) {
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.commit();
      });
    }

    const editor = el(
      'div',
      { class: 'editor', role: 'group', 'aria-label': 'Request' },
      el('label', { class: 'lbl-method', for: `${this.id}-method` }, 'Method'),
      this.method,
      el('label', { class: 'lbl-url', for: `${this.id}-url` }, 'URL'),
      this.url,
      el('label', { class: 'lbl-src', for: `${this.id}-src` }, 'Source IP'),
      this.src,
      el('label', { class: 'lbl-headers', for: `${this.id}-headers` }, 'Headers'),
      this.headers,
      el('div', { class: 'editor-actions' }, button('Remove', () => this.handlers.remove(this.index), { class: 'secondary', 'aria-label': 'Remove this request' })),
    );
    this.resultBox = el('div', { class: 'result-box' });
    this.details = el('div', { class: 'card-details', id: `${this.id}-details`, hidden: '' }, editor, this.resultBox);
    this.element = el('li', { class: 'card' }, this.toggle, this.details);
    this.fill();
  }

  /** Brings the card up to date; inputs the user is typing in keep their text. */
  update(index: number, request: SimRequest, result: SimResult | undefined, outline: Outline, highlighted: boolean): void {
    this.index = index;
    if (JSON.stringify(request) !== JSON.stringify(this.request)) {
      this.request = request;
      this.fill();
    }
    this.indexLabel.textContent = `${index + 1}`;
    const outcome = outcomeText(result);
    this.summaryOutcome.textContent = outcome.text;
    this.summaryOutcome.className = `outcome tone-${outcome.tone}`;
    this.toggle.setAttribute('aria-label', `Request ${index + 1}: ${this.request.method} ${this.request.url}, ${outcome.text}`);
    this.element.classList.toggle('is-focus', highlighted);
    this.element.classList.toggle('has-error', Boolean(result?.error));
    const key = JSON.stringify(result ?? null);
    if (key !== this.resultKey) {
      this.resultKey = key;
      replaceChildren(this.resultBox, [renderResult(result, outline, this.handlers)]);
    }
  }

  setOpen(open: boolean, notify = true): void {
    this.open = open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.element.classList.toggle('is-open', open);
    if (open) this.details.removeAttribute('hidden');
    else this.details.setAttribute('hidden', '');
    if (notify) this.handlers.toggled(this.index, open);
  }

  focusToggle(): void {
    this.toggle.focus();
  }

  get toggleElement(): HTMLButtonElement {
    return this.toggle;
  }

  private fill(): void {
    const active = document.activeElement;
    const set = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      if (input !== active) input.value = value;
    };
    set(this.method, this.request.method);
    set(this.url, this.request.url);
    set(this.src, this.request.src ?? '');
    const headerText = headersToText(this.request.headers);
    set(this.headers, headerText);
    this.headers.rows = Math.min(8, Math.max(2, headerText.split('\n').length));
    this.summaryMethod.textContent = this.request.method || 'TCP';
    this.summaryUrl.textContent = this.request.url;
  }

  private commit(): void {
    const edited: SimRequest = { method: this.method.value.trim().toUpperCase(), url: this.url.value.trim() };
    if (!edited.method && !/^tcp:/i.test(edited.url)) edited.method = 'GET';
    const headers = textToHeaders(this.headers.value);
    if (headers) edited.headers = headers;
    const src = this.src.value.trim();
    if (src) edited.src = src;
    for (const key of ['dst', 'sni'] as const) if (this.request[key] !== undefined) edited[key] = this.request[key];
    if (JSON.stringify(edited) === JSON.stringify(this.request)) return;
    this.request = edited;
    this.summaryMethod.textContent = edited.method || 'TCP';
    this.summaryUrl.textContent = edited.url;
    this.handlers.edit(this.index, edited);
  }

  static methodList(): HTMLDataListElement {
    return el('datalist', { id: 'methods' }, ...METHODS.map((m) => el('option', { value: m })));
  }
}
