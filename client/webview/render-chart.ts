import type { Distribution, SimResult } from '../src/panel-messages';
import { button, el, type Child } from './dom';

/** Number of distinct server colours in the stylesheet (`.seg-0` ... `.seg-5`). */
const SEGMENT_COLOURS = 6;

/** How often HAProxy answered a batch itself with one status (301, 401, 429...). */
export interface StatusCount {
  status: number;
  count: number;
}

/** Statuses of the requests HAProxy answered itself, most frequent first. */
export function answeredStatuses(results: SimResult[]): StatusCount[] {
  const counts = new Map<number, number>();
  for (const r of results) if (!r.error && r.frontend && !r.backend && r.status !== null) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || a.status - b.status);
}

export interface ChartHandlers {
  reveal(line: number): void;
  focus(section: string): void;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function percent(count: number, total: number): string {
  return `${total === 0 ? 0 : Math.round((count / total) * 1000) / 10}%`;
}

/**
 * One horizontal bar on a track that stands for the whole batch, so bars compare across backends. Segment
 * widths are set through CSSOM, which the page's CSP allows (inline style attributes it would refuse).
 */
function bar(segments: { count: number; className: string; title: string }[], total: number, label: string): HTMLElement {
  const track = el('div', { class: 'bar', role: 'img', 'aria-label': label });
  for (const segment of segments) {
    if (segment.count === 0) continue;
    const part = el('div', { class: `bar-segment ${segment.className}`, title: segment.title });
    part.style.width = percent(segment.count, total);
    track.appendChild(part);
  }
  return track;
}

/**
 * The batch's distribution: one row per backend with a bar split by server, then the requests HAProxy answered
 * itself and those that could not be routed.
 */
export function renderChart(distribution: Distribution, focus: string | null, handlers: ChartHandlers, answeredStatuses: StatusCount[] = []): HTMLElement {
  const total = distribution.total;
  const rows: Child[] = [];
  for (const share of distribution.backends) {
    const segments = share.servers.map((s, i) => ({ count: s.count, className: `seg-${i % SEGMENT_COLOURS}`, title: `${s.server}: ${plural(s.count, 'request')}` }));
    if (share.noServer > 0) segments.push({ count: share.noServer, className: 'seg-none', title: `no server available: ${plural(share.noServer, 'request')}` });
    const spoken = share.servers.map((s) => `${s.server} ${s.count}`).concat(share.noServer ? [`no server ${share.noServer}`] : []).join(', ');
    const legend = el(
      'ul',
      { class: 'legend', 'aria-label': `Servers of ${share.backend}` },
      ...share.servers.map((s, i) =>
        el(
          'li',
          {},
          el('span', { class: `swatch seg-${i % SEGMENT_COLOURS}`, 'aria-hidden': 'true' }),
          s.line > 0 ? button(s.server, () => handlers.reveal(s.line), { class: 'link', title: `Go to line ${s.line}`, 'aria-label': `Server ${s.server}, line ${s.line}` }) : el('span', {}, s.server),
          el('span', { class: 'count' }, String(s.count)),
        ),
      ),
      share.noServer > 0 ? el('li', {}, el('span', { class: 'swatch seg-none', 'aria-hidden': 'true' }), el('span', {}, 'no server (503)'), el('span', { class: 'count' }, String(share.noServer))) : null,
    );
    rows.push(
      el(
        'div',
        { class: `chart-row${focus === share.backend ? ' is-focus' : ''}`, 'data-backend': share.backend },
        el(
          'div',
          { class: 'chart-label' },
          share.line > 0 ? button(share.backend, () => handlers.reveal(share.line), { class: 'link strong', title: `Go to line ${share.line}`, 'aria-label': `Backend ${share.backend}, line ${share.line}` }) : el('span', { class: 'strong' }, share.backend),
          button(`${share.count} · ${percent(share.count, total)}`, () => handlers.focus(share.backend), {
            class: 'link count',
            title: 'Highlight these requests',
            'aria-label': `Highlight the ${plural(share.count, 'request')} sent to ${share.backend}`,
            'aria-pressed': focus === share.backend ? 'true' : 'false',
          }),
        ),
        bar(segments, total, `${share.backend}: ${plural(share.count, 'request')} of ${total}${spoken ? `; ${spoken}` : ''}`),
        legend,
      ),
    );
  }
  const extra = (count: number, label: string, className: string, legend: Child) =>
    count > 0
      ? el(
          'div',
          { class: 'chart-row chart-extra' },
          el('div', { class: 'chart-label' }, el('span', { class: 'strong' }, label), el('span', { class: 'count' }, `${count} · ${percent(count, total)}`)),
          bar([{ count, className, title: `${label}: ${plural(count, 'request')}` }], total, `${label}: ${plural(count, 'request')} of ${total}`),
          legend,
        )
      : null;
  const statuses = answeredStatuses.length
    ? el('ul', { class: 'legend', 'aria-label': 'Statuses HAProxy answered with' }, ...answeredStatuses.map((s) => el('li', {}, el('span', {}, `${s.status}`), el('span', { class: 'count' }, `× ${s.count}`))))
    : null;
  rows.push(extra(distribution.answered, 'Answered by HAProxy', 'seg-answered', statuses), extra(distribution.failed, 'Not routed', 'seg-failed', null));
  return el(
    'section',
    { class: 'chart', 'aria-labelledby': 'chart-title' },
    el('h2', { id: 'chart-title' }, 'Distribution ', el('span', { class: 'muted' }, `· ${plural(total, 'request')}`)),
    total === 0 ? el('p', { class: 'muted' }, 'No requests yet.') : null,
    ...rows,
  );
}
