import type { BenchResults } from '../results.js';
import { BASELINE, comparedVerdicts, singleVerdicts } from '../targets.js';
import { contenderCell, outcomeCell, verdictCell } from './cells.js';
import { describeRuns } from './consoleReport.js';

/** RESULTS.md: the same tables in markdown, the chart, the notes and the machine. */
export function markdownReport(results: BenchResults, chartFile: string): string {
  const out: string[] = ['# tlsport benchmarks', ''];
  out.push(`Run ${results.date}${results.quick ? ' (--quick: short windows, fewer sessions; not for quoting)' : ''} on ${machineLine(results)}.`);
  out.push(`Each cell: median of ${describeRuns(results)} [min–max], then the ratio to plain \`node:tls\` doing the same work. \`npm run bench\` regenerates this file.`, '');
  if (results.compared.length > 0) {
    out.push(`![tlsport vs node:tls](${chartFile})`, '');
    out.push(row(['Metric', 'Unit', ...results.contenders.map((c) => `\`${c}\``), 'Targets']));
    out.push(row(['---', '---', ...results.contenders.map(() => '---:'), '---']));
    for (const m of results.compared) {
      out.push(
        row([
          m.better === 'lower' ? `${m.title} (lower is better)` : m.title,
          m.unit,
          outcomeCell(m.results[BASELINE]),
          ...results.contenders.slice(1).map((c) => contenderCell(m, c)),
          comparedVerdicts(m).map((v) => verdictCell(v, true)).join('<br>'),
        ]),
      );
    }
    const notes = results.compared.flatMap((m) => (m.notes ?? []).map((n) => `${m.id}: ${n}`));
    if (notes.length > 0) out.push('', ...notes.map((n) => `- ${n}`));
    out.push('');
  }
  if (results.single.length > 0) {
    out.push('## Completion port and machine crypto limit', '');
    out.push(row(['Metric', 'Unit', 'Median [min–max]', 'Target']), row(['---', '---', '---:', '---']));
    for (const m of results.single) out.push(row([m.title, m.unit, outcomeCell(m.outcome), singleVerdicts(m).map((v) => verdictCell(v, false)).join('<br>')]));
    out.push('');
  }
  const missing = Object.entries(results.missing);
  if (missing.length > 0) out.push('Backends not measured (did not load):', '', ...missing.map(([name, why]) => `- ${name}: ${why}`), '');
  out.push('## How it is measured', '', ...METHOD.map((line) => `- ${line}`), '');
  return out.join('\n');
}

const METHOD = [
  'In memory, a tlsport backend is driven through the engine SPI directly: client and server engines back to back, ciphertext handed over in a tight loop (no sockets, no session layer). node:tls runs a `tls.connect` client and a `TLSSocket({ isServer })` over core\'s `memoryPipe()`.',
  'Over loopback TCP the server runs in the bench process (a tlsport `Listener` + sessions on one completion port, or `tls.createServer`); the load comes from separate `bench/dist/loadClient.js` processes (one per core) using plain node:tls clients, so the load is the same for every server. Each connection: full handshake, one byte from the server, hang up.',
  'Bulk: 16 KiB writes client to server, TLS 1.3; over TCP through the port API (startSend/startRecv).',
  'Memory: idle client+server pairs over memory pipes, added in five steps; each step\'s growth per session (after a full GC) is one sample.',
  'Event-loop delay: `perf_hooks.monitorEventLoopDelay` (1 ms resolution) in the server process during a burst of concurrent connections.',
  'Runs are taken round-robin across contenders (run 1 of each, then run 2, …), so load from elsewhere on the machine falls on all alike; the notes under the server metrics give the server process\'s CPU share, which says whether the server or the load generator was the limit.',
  'Where each backend spends its time: `bench/PROFILES.md`, from `node --cpu-prof bench/dist/profile.js CONTENDER WORKLOAD` and `bench/dist/profileSummary.js`.',
];

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
}

function machineLine(results: BenchResults): string {
  const m = results.machine;
  return `${m.cpus} × ${m.cpuModel}, Node ${m.node} (OpenSSL ${m.openssl}), ${m.platform}, load average ${m.loadAverageAtStart} at the start`;
}
