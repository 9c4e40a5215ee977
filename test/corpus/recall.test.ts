import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintText } from '../../server/src/analysis/lint';
import { hasCorpus, rejectedConfigs, SKIP_CORPUS_MESSAGE, type OracleRow } from '../support/corpus';

/** The `[file:line]` HAProxy named in its first alert, when it named one. */
function alertLine(row: OracleRow): number | undefined {
  const alert = row.envfixFirstAlert || row.firstAlert;
  const match = /\[[^\]:]+:(\d+)\]/.exec(alert);
  return match ? Number(match[1]) : undefined;
}

describe('corpus: recall on configs HAProxy 2.6 rejected', function () {
  before(function () {
    if (!hasCorpus) {
      console.log(`      ${SKIP_CORPUS_MESSAGE}`);
      this.skip();
    }
  });

  it('flags the rejected configs, most at the line HAProxy names', () => {
    const byReason = new Map<string, { total: number; flagged: number; sameLine: number }>();
    const missed: string[] = [];
    for (const row of rejectedConfigs()) {
      const errors = lintText(readFileSync(row.path, 'utf8'), { version: '2.6' }).filter((f) => f.severity === 'error');
      const line = alertLine(row);
      const reason = row.detail.replace(/\s*[:(].*$/, '').trim() || 'other';
      const stats = byReason.get(reason) ?? { total: 0, flagged: 0, sameLine: 0 };
      stats.total++;
      if (errors.length) stats.flagged++;
      else missed.push(`${row.file} (${row.detail.slice(0, 60)})`);
      if (line !== undefined && errors.some((f) => f.range.start.line + 1 === line)) stats.sameLine++;
      byReason.set(reason, stats);
    }
    let total = 0;
    let flagged = 0;
    let sameLine = 0;
    console.log('      rejected configs flagged with an error (same line as HAProxy), by reason:');
    for (const [reason, stats] of [...byReason].sort((a, b) => b[1].total - a[1].total)) {
      console.log(`        ${String(stats.flagged).padStart(3)}/${String(stats.total).padEnd(3)} (${String(stats.sameLine).padStart(3)} same line)  ${reason}`);
      total += stats.total;
      flagged += stats.flagged;
      sameLine += stats.sameLine;
    }
    console.log(`      total: ${flagged}/${total} flagged, ${sameLine} at HAProxy's line; not flagged: ${missed.length}`);
    const removed = byReason.get('removed/obsolete keyword');
    assert.ok(removed && removed.flagged === removed.total, 'every config rejected for a removed keyword is flagged');
  });
});
