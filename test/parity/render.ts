import { gapKey, KNOWN_GAPS } from './knownGaps.js';
import type { Cell } from './matrix.js';
import type { Result } from './types.js';

const MARK: Record<Result, string> = { pass: '✅', fail: '❌', 'not offered': '➖' };

/**
 * The parity table in markdown: one row per feature and role, one column per backend, every
 * cell that is not a pass numbered and explained below the table. Deterministic: the same
 * results give the same bytes.
 */
export function renderTable(cells: readonly Cell[]): string {
  const backends = [...new Set(cells.map((c) => c.backend))];
  const rows = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.feature}\0${cell.role}`;
    rows.set(key, [...(rows.get(key) ?? []), cell]);
  }
  const notes: string[] = [];
  const lines = [`| feature | role | ${backends.join(' | ')} |`, `|---|---|${backends.map(() => ':---:').join('|')}|`];
  for (const row of rows.values()) {
    const marks = backends.map((name) => {
      const cell = row.find((c) => c.backend === name);
      if (cell === undefined) return ' ';
      if (cell.result === 'pass') return MARK.pass;
      const gap = KNOWN_GAPS.get(gapKey(cell.feature, cell.role, cell.backend));
      notes.push(`${notes.length + 1}. ${cell.backend}, ${cell.feature}, ${cell.role}: ${gap === undefined ? '' : `known gap: ${gap}. Observed: `}${escape(cell.reason ?? '')}`);
      return `${MARK[cell.result]}<sup>${notes.length}</sup>`;
    });
    lines.push(`| ${escape(row[0]!.feature)} | ${row[0]!.role} | ${marks.join(' | ')} |`);
  }
  const legend = `${MARK.pass} pass against both peers · ${MARK.fail} fail · ${MARK['not offered']} not offered by that engine`;
  return [lines.join('\n'), '', legend, ...(notes.length === 0 ? [] : ['', ...notes])].join('\n') + '\n';
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
