import { table } from '../measure.js';
import type { BenchResults } from '../results.js';
import { BASELINE, comparedVerdicts, singleVerdicts } from '../targets.js';
import { contenderCell, outcomeCell, verdictCell } from './cells.js';

/** Table cells keep n/a reasons short; the full reasons are listed under the table. */
const CELL_REASON = 32;

/** Prints the results to stdout: medians [min–max] with ratios to node:tls and the targets beside them. */
export function printResults(results: BenchResults): void {
  if (results.compared.length > 0) {
    console.log(`\nMedians of ${describeRuns(results)} [min–max]; ratio = contender / node:tls`);
    table(
      ['metric', 'unit', ...results.contenders, 'targets'],
      results.compared.map((m) => [
        m.better === 'lower' ? `${m.id} (lower is better)` : m.id,
        m.unit,
        outcomeCell(m.results[BASELINE], CELL_REASON),
        ...results.contenders.slice(1).map((c) => contenderCell(m, c, CELL_REASON)),
        comparedVerdicts(m).map((v) => verdictCell(v, true)).join('; '),
      ]),
    );
    console.log('');
    for (const m of results.compared) console.log(`  ${m.id}: ${m.title}`);
    const notes = results.compared.flatMap((m) => [
      ...results.contenders.flatMap((c) => {
        const o = m.results[c];
        return o !== undefined && 'na' in o ? [`${m.id} ${c}: n/a (${o.na})`] : [];
      }),
      ...(m.notes ?? []).map((n) => `${m.id}: ${n}`),
    ]);
    if (notes.length > 0) console.log(`\nNotes:\n${notes.map((n) => `  ${n}`).join('\n')}`);
  }
  if (results.single.length > 0) {
    console.log('\nCompletion port and machine crypto limit');
    table(
      ['metric', 'unit', 'median [min–max]', 'target'],
      results.single.map((m) => [m.title, m.unit, outcomeCell(m.outcome), singleVerdicts(m).map((v) => verdictCell(v, false)).join('; ')]),
    );
  }
}

export function describeRuns(results: BenchResults): string {
  const runs = new Set(results.compared.flatMap((m) => Object.values(m.results).flatMap((o) => ('runs' in o ? [o.runs] : []))));
  return runs.size === 0 ? 'runs' : `${[...runs].sort((a, b) => a - b).join('/')} runs`;
}
