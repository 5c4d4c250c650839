import { TestCa } from '@tlsport/testkit';
import { BACKENDS } from './backends.js';
import { numberArg, parseArgs } from './options.js';
import { settle, snapshot } from './resources.js';
import { torture } from './torture.js';

/**
 * npm run torture -- [--handshakes 10000] [--seed 1] [--concurrency 16]
 * Cancellation torture over every backend pair; exit code 1 on any violation or leak.
 */
const args = parseArgs(process.argv.slice(2));
const handshakes = numberArg(args, 'handshakes', 10_000);
const seed = numberArg(args, 'seed', 1);
const concurrency = numberArg(args, 'concurrency', 16);

const unhandled: string[] = [];
process.on('unhandledRejection', (error) => unhandled.push(String(error)));
const ca = TestCa.root({ cn: 'tlsport torture root' });
const pki = { ca, leaf: ca.issue() };
// stdout and stderr open their pipes lazily: open them before counting handles.
process.stdout.write("");
process.stderr.write("");
const before = snapshot();
const began = performance.now();
const report = await torture({ handshakes, seed, backends: BACKENDS, pki, concurrency });
const seconds = (performance.now() - began) / 1000;
const leaked = await settle(before, 5000);
ca.dispose();

console.log(`${report.handshakes} handshakes in ${seconds.toFixed(1)} s (${(report.handshakes / seconds).toFixed(0)}/s), seed ${seed}, ${report.cancelled} operations cancelled`);
for (const [moment, statuses] of Object.entries(report.outcomes)) {
  console.log(`  ${moment.padEnd(17)} ${Object.entries(statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`);
}
console.log(`violations: ${report.violations.length}`);
for (const v of report.violations.slice(0, 20)) console.log(`  ${v}`);
console.log(`unhandled rejections: ${unhandled.length}`);
for (const u of unhandled.slice(0, 5)) console.log(`  ${u}`);
console.log(`left behind (timers, handles, openssl SSL/SSL_CTX): ${leaked.length === 0 ? 'nothing' : leaked.join(', ')}`);
process.exitCode = report.violations.length + unhandled.length + leaked.length > 0 ? 1 : 0;
