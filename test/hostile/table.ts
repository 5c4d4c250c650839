import { alertName } from '@tlsport/core';
import type { Difference, Expected, HostileCase } from './cases.js';
import type { HostileCell, HostileRow } from './run.js';

/** What `backend` should show for `c`: the RFC's answer, or its documented difference. */
export function expectedFor(c: HostileCase, backend: string): Expected & { readonly why?: string; readonly unbounded?: boolean } {
  const d: Difference | undefined = c.differences?.[backend];
  if (d === undefined) return c.expected;
  const { accepted, ...rest } = d;
  return { ...c.expected, ...rest, ...(accepted === 'unbounded' ? { unbounded: true, accepted: undefined } : accepted !== undefined && { accepted }) };
}

/** How the cell differs from what is expected of it; empty when it matches. */
export function mismatches(c: HostileCase, cell: HostileCell): string[] {
  const want = expectedFor(c, cell.backend);
  const got = cell.result;
  const out: string[] = [];
  const name = (a: number | undefined): string => (a === undefined ? 'no alert' : a === -1 ? 'an unreadable alert' : alertName(a));
  if (got.alert !== want.alert) out.push(`alert ${name(got.alert)}, expected ${name(want.alert)}`);
  if (got.status !== want.status) out.push(`status ${got.status}, expected ${want.status}`);
  if (c.flood !== undefined || c.measures !== undefined) {
    if (want.unbounded === true ? cell.capped !== true : cell.accepted !== want.accepted || cell.capped === true) {
      out.push(`${cell.capped ? '>= ' : ''}${cell.accepted} accepted, expected ${want.unbounded ? 'no bound' : want.accepted}`);
    }
  } else if (got.accepted !== (want.alert === undefined)) {
    out.push(got.accepted ? 'the attack was taken' : `refused: ${got.detail}`);
  }
  return out.map((m) => `${c.name} (${c.role}, ${c.version}) on ${cell.backend}: ${m}`);
}

function cellText(c: HostileCase, cell: HostileCell): string {
  const r = cell.result;
  const alert = r.alert === undefined ? 'no alert' : r.alert === -1 ? 'unreadable alert' : `\`${alertName(r.alert)}\``;
  const count = c.flood !== undefined ? ` · ${cell.capped ? `≥ ${cell.accepted} (no bound)` : `${cell.accepted} accepted`}` : c.measures !== undefined ? ` · ${cell.accepted} ${c.measures}` : '';
  const mark = mismatches(c, cell).length > 0 ? ' ✗' : c.differences?.[cell.backend] !== undefined ? ' †' : '';
  return `${alert} · ${r.status}${count}${mark}`;
}

/** The markdown table: attack x backend -> alert on the wire · GSK status · count. */
export function renderTable(rows: readonly HostileRow[], backends: readonly string[]): string {
  const head = `| # | hostile peer | target | ${backends.join(' | ')} |`;
  const rule = `|--:|---|---|${backends.map(() => '---').join('|')}|`;
  const lines = rows.map(({ hostile: c, cells }) => {
    const unit = c.flood !== undefined ? ` (n ${c.flood.unit}, up to ${c.flood.cap})` : '';
    const cols = backends.map((b) => {
      const cell = cells.find((x) => x.backend === b);
      return cell === undefined ? '-' : cellText(c, cell);
    });
    return `| ${c.item} | ${c.name}${unit} | ${c.role}, ${c.version} | ${cols.join(' | ')} |`;
  });
  return [head, rule, ...lines].join('\n');
}

/** The table, then every documented difference († in the table) with its reason. */
export function renderSummary(rows: readonly HostileRow[], backends: readonly string[]): string {
  const notes = rows.flatMap(({ hostile: c }) => {
    const byWhy = new Map<string, string[]>();
    for (const [b, d] of Object.entries(c.differences ?? {})) if (backends.includes(b)) byWhy.set(d.why, [...(byWhy.get(d.why) ?? []), b]);
    return [...byWhy].map(([why, names]) => `- ${c.name} (${c.role}, ${c.version}), ${names.join(' and ')}: ${why}`);
  });
  const failing = rows.flatMap(({ hostile: c, cells }) => cells.flatMap((cell) => mismatches(c, cell)));
  return [
    renderTable(rows, backends),
    '',
    failing.length === 0 ? 'Every backend does what the RFCs ask, or what is documented below (†).' : `Not as expected (✗): ${failing.join('; ')}.`,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
