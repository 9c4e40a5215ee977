import type { HostToPanel, PanelPersistedState, PanelToHost, PanelView, SimResult } from '../src/panel-messages';
import { button, el, replaceChildren } from './dom';
import { answeredStatuses, renderChart } from './render-chart';
import { Outline } from './render-result';
import { renderServerStates } from './render-servers';
import { RequestCard } from './request-card';

interface VsCodeApi {
  postMessage(message: PanelToHost): void;
  getState(): PanelPersistedState | undefined;
  setState(state: PanelPersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: PanelToHost) => vscode.postMessage(message);
const saved = vscode.getState();
const expanded = new Set<number>(saved?.expanded ?? []);

let view: PanelView | null = null;
let cards: RequestCard[] = [];
let chartKey = '';
let serversKey = '';
let lastFocus: string | null = null;

const title = el('h1', {}, 'Routing preview');
const fileLabel = el('span', { class: 'file' });
const banner = el('div', { class: 'banner', hidden: '' });
const focusBar = el('div', { class: 'focus-bar', hidden: '' });
const chartBox = el('div', { class: 'chart-box' });
const serverBox = el('div', { class: 'server-box' });
const serverSummary = el('summary', {}, 'Server states');
const cardList = el('ol', { class: 'cards', 'aria-label': 'Sample requests' });
const requestCount = el('span', { class: 'muted' });
const results = el('div', { class: 'results' }, chartBox, el('details', { class: 'servers' }, serverSummary, serverBox));

const handlers = {
  reveal: (line: number) => post({ type: 'reveal', line }),
  focus: (section: string) => post({ type: 'focus', section: view?.focus === section ? null : section }),
  edit: (index: number, request: PanelView['requests'][number]) => post({ type: 'editRequest', index, request }),
  remove: (index: number) => post({ type: 'removeRequest', index }),
  toggled: (index: number, open: boolean) => {
    if (open) expanded.add(index);
    else expanded.delete(index);
    persist();
  },
  setState: (backend: string, server: string, state: PanelView['serverStates'][number]['state']) => post({ type: 'setServerState', backend, server, state }),
};

function persist(): void {
  if (view) vscode.setState({ documentUri: view.documentUri, focus: view.focus, expanded: [...expanded] });
}

function toolbar(): HTMLElement {
  return el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Requests' },
    button('Add request', () => post({ type: 'addRequest' }), { class: 'primary' }),
    button('Presets from config', () => post({ type: 'loadPresets' }), { class: 'secondary', title: 'Replace the requests with one per bind and per routed path, host or header of the config' }),
    button('Import…', () => post({ type: 'import' }), { class: 'secondary', title: 'Read requests from a JSON-lines file (haproxy-route format)' }),
    button('Export…', () => post({ type: 'export' }), { class: 'secondary', title: 'Write the requests to a JSON-lines file (haproxy-route format)' }),
  );
}

/** Moves between request headers with the arrow keys, as in a list. */
function onCardKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  const index = cards.findIndex((card) => card.toggleElement === target);
  if (index < 0) return;
  const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? cards.length - 1 : -2;
  if (next === -2 || next < 0 || next >= cards.length) return;
  event.preventDefault();
  cards[next].focusToggle();
}

function renderBanner(current: PanelView): void {
  if (current.stale) {
    const line = current.stale.line;
    banner.className = 'banner warning';
    banner.setAttribute('role', 'alert');
    replaceChildren(banner, [
      el('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '⚠'),
      el('span', { class: 'banner-text' }, el('strong', {}, `Line ${line}: `), current.stale.message, current.result ? ' — the results below are from the last version without errors.' : ' — no results until the configuration parses.'),
      button(`Go to line ${line}`, () => handlers.reveal(line), { class: 'secondary' }),
    ]);
    banner.removeAttribute('hidden');
  } else if (current.error) {
    banner.className = 'banner error';
    banner.setAttribute('role', 'alert');
    replaceChildren(banner, [el('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '⛔'), el('span', { class: 'banner-text' }, current.error)]);
    banner.removeAttribute('hidden');
  } else {
    banner.setAttribute('hidden', '');
    banner.removeAttribute('role');
    replaceChildren(banner, []);
  }
}

function renderFocus(current: PanelView): void {
  if (!current.focus) {
    focusBar.setAttribute('hidden', '');
    return;
  }
  const count = (current.result?.results ?? []).filter((r) => passesThrough(r, current.focus)).length;
  replaceChildren(focusBar, [
    el('span', {}, 'Highlighting the ', el('strong', {}, String(count)), ` request${count === 1 ? '' : 's'} through `, el('code', {}, current.focus)),
    button('Show all', () => post({ type: 'focus', section: null }), { class: 'link', 'aria-label': 'Stop highlighting' }),
  ]);
  focusBar.removeAttribute('hidden');
}

function passesThrough(result: SimResult | undefined, section: string | null): boolean {
  return Boolean(result && section && (result.frontend === section || result.backend === section));
}

/** Rebuilds a region only when its data changed, and gives focus back to the control that had it. */
function refreshRegion(box: HTMLElement, key: string, previous: string, build: () => HTMLElement[]): string {
  if (key === previous) return previous;
  const focusedKey = box.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.key : undefined;
  replaceChildren(box, build());
  if (focusedKey) box.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
  return key;
}

function render(current: PanelView): void {
  view = current;
  persist();
  fileLabel.textContent = current.fileName;
  document.title = `Routing preview: ${current.fileName}`;
  renderBanner(current);
  renderFocus(current);
  results.classList.toggle('is-stale', Boolean(current.stale));
  cardList.classList.toggle('is-stale', Boolean(current.stale));
  const result = current.result;
  const outline = new Outline(result?.proxies ?? []);

  chartKey = refreshRegion(chartBox, JSON.stringify([result?.distribution ?? null, answeredStatuses(result?.results ?? []), current.focus]), chartKey, () =>
    result ? [renderChart(result.distribution, current.focus, handlers, answeredStatuses(result.results ?? []))] : [el('p', { class: 'muted' }, 'Waiting for the first simulation…')],
  );
  const changed = current.serverStates.length;
  serverSummary.textContent = changed ? `Server states · ${changed} not up` : 'Server states · all up';
  serversKey = refreshRegion(serverBox, JSON.stringify([result?.proxies ?? null, current.serverStates]), serversKey, () => renderServerStates(result?.proxies ?? [], current.serverStates, handlers));

  while (cards.length > current.requests.length) cards.pop()!.element.remove();
  for (let i = cards.length; i < current.requests.length; i++) {
    const card = new RequestCard(i, current.requests[i], handlers);
    card.setOpen(expanded.has(i), false);
    cards.push(card);
    cardList.appendChild(card.element);
  }
  current.requests.forEach((request, i) => cards[i].update(i, request, result?.results?.[i], outline, passesThrough(result?.results?.[i], current.focus)));
  requestCount.textContent = `· ${current.requests.length}`;

  if (current.focus && current.focus !== lastFocus) cards.find((c) => c.element.classList.contains('is-focus'))?.element.scrollIntoView({ block: 'nearest' });
  lastFocus = current.focus;
}

function mount(): void {
  const app = document.getElementById('app') ?? document.body;
  cardList.addEventListener('keydown', onCardKey);
  replaceChildren(app, [
    el('header', { class: 'top' }, el('div', { class: 'heading' }, title, fileLabel), toolbar()),
    banner,
    focusBar,
    results,
    el('section', { class: 'requests', 'aria-labelledby': 'requests-title' }, el('h2', { id: 'requests-title' }, 'Requests ', requestCount), cardList, RequestCard.methodList()),
  ]);
  window.addEventListener('message', (event: MessageEvent<HostToPanel>) => {
    const message = event.data;
    if (message && message.type === 'view' && message.view) render(message.view);
  });
  post({ type: 'ready' });
}

mount();
