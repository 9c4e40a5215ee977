import type { SimRequest, SimResult } from '../simulator/simulate';

function cell(text: string, width: number): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t.padEnd(width);
}

function outcome(r: SimResult): string {
  if (r.error) return `error: ${r.error}`;
  if (r.status !== null) return `${r.status}${r.location ? ` -> ${r.location}` : ''}${r.reason ? ` (${r.reason})` : ''}`;
  if (r.server) return `forwarded (${r.reason ?? 'balance'})${r.setCookie ? ` Set-Cookie: ${r.setCookie}` : ''}`;
  return r.reason ? `closed (${r.reason})` : 'closed';
}

/** One row a request, then where the requests went. */
export function formatRouteTable(requests: SimRequest[], results: SimResult[]): string {
  const lines: string[] = [];
  lines.push(`${cell('#', 4)}${cell('REQUEST', 44)}${cell('FRONTEND', 14)}${cell('BACKEND', 16)}${cell('SERVER', 12)}RESULT`);
  results.forEach((r, i) => {
    const q = requests[i];
    lines.push(
      `${cell(String(i + 1), 4)}${cell(`${q.method} ${q.url}`, 44)}${cell(r.frontend ?? '-', 14)}${cell(r.backend ?? '-', 16)}${cell(r.server ?? '-', 12)}${outcome(r)}`,
    );
  });
  const perServer = new Map<string, number>();
  const answered = new Map<string, number>();
  let failed = 0;
  for (const r of results) {
    if (r.error) failed++;
    else if (r.status !== null) answered.set(String(r.status), (answered.get(String(r.status)) ?? 0) + 1);
    else if (r.server) perServer.set(`${r.backend}/${r.server}`, (perServer.get(`${r.backend}/${r.server}`) ?? 0) + 1);
    else answered.set('closed', (answered.get('closed') ?? 0) + 1);
  }
  const total = results.length || 1;
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
  lines.push('', `Distribution of ${results.length} request${results.length === 1 ? '' : 's'}:`);
  for (const [k, n] of [...perServer].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${cell(k, 40)}${String(n).padStart(6)}  ${pct(n)}`);
  for (const [k, n] of [...answered].sort()) lines.push(`  ${cell(k === 'closed' ? 'connection closed' : `answered ${k} by HAProxy`, 40)}${String(n).padStart(6)}  ${pct(n)}`);
  if (failed) lines.push(`  ${cell('not routed (errors)', 40)}${String(failed).padStart(6)}  ${pct(failed)}`);
  return `${lines.join('\n')}\n`;
}
