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
  'Over loopback TCP the server runs in the bench process (a tlsport `Listener` + sessions on one completion port, or `tls.createServer`); the load comes from separate `bench/dist/loadClient.js` processes (one per core) using plain node:tls clients, so the load is the same for every server. Each connection: full handshake, one byte from the server, hang up. The clients are made as cheap as node:tls allows (one shared context, no trust anchor, so no chain verification or host-name check; about 0.7 ms of CPU per handshake, a little under `openssl s_time -new`, which also cannot hold k connections open at once) and run at the lowest priority (`nice` 19), so the server gets the CPU it can use.',
  'Server rows come in pairs. The raw rate is handshakes per second of wall time: on a small, shared machine it mostly says how much CPU the load generator and the other jobs left the server (the notes give the server process\'s CPU use). The capacity row is what the server would do with the machine\'s cores to itself, from the CPU it spent: handshakes per CPU-second of the whole server process (`process.cpuUsage()`, all threads incl. the libuv pool) times the number of cores, but never more than handshakes per busy second of its main thread. A server that does its crypto on the main thread (node:tls, node-tls, pure) is thus held to one core; one that runs its handshake steps on the pool (openssl) gets both cores unless its main thread saturates first. The main thread\'s busy time is its own CPU time from Linux (`/proc/self/task/PID/schedstat`), else `performance.eventLoopUtilization()` active time, and never more than the process\'s CPU time (ELU also counts time the thread waited for a core held by another process). Both rows have targets (issue 14): the raw rate on every backend, the capacity per backend. Capacity assumes the cost per handshake stays the same when the server is saturated (no batching gains, no extra contention), so it is an estimate, not a measurement of a saturated server.',
  'Bulk: 16 KiB writes client to server, TLS 1.3; over TCP through the port API (startSend/startRecv).',
  'Memory: idle client+server pairs over memory pipes, added in five steps; each step\'s growth per session (after a full GC) is one sample.',
  'Event-loop delay: `perf_hooks.monitorEventLoopDelay` (1 ms resolution) in the server process during a burst of concurrent connections.',
  'Runs are taken round-robin across contenders (run 1 of each, then run 2, …), so load from elsewhere on the machine falls on all alike.',
  'Where each backend spends its time: `bench/PROFILES.md`, from `node --cpu-prof bench/dist/profile.js CONTENDER WORKLOAD` and `bench/dist/profileSummary.js`.',
];

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
}

function machineLine(results: BenchResults): string {
  const m = results.machine;
  return `${m.cpus} × ${m.cpuModel}, Node ${m.node} (OpenSSL ${m.openssl}), ${m.platform}, load average ${m.loadAverageAtStart} at the start`;
}
