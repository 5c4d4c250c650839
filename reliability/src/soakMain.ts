import { TestCa } from '@tlsport/testkit';
import { BACKENDS } from './backends.js';
import { numberArg, parseArgs } from './options.js';
import { soak } from './soak.js';

/**
 * npm run soak -- [--minutes 3] [--backend openssl] [--concurrency 8]
 * Handshakes and transfers on one port for every backend (the minutes split between them);
 * prints RSS, heap and openssl native counts, and their growth per 100k handshakes (linear fit
 * after warm-up). Run with --expose-gc (the npm script does) so heap samples follow a full GC.
 */
const args = parseArgs(process.argv.slice(2));
const minutes = numberArg(args, 'minutes', 3);
const only = args.get('backend');
const backends = BACKENDS.filter((b) => only === undefined || b.name === only);
const ca = TestCa.root({ cn: 'tlsport soak root' });
const pki = { ca, leaf: ca.issue() };
let failed = false;
try {
  for (const backend of backends) {
    const r = await soak(backend, pki, (minutes * 60_000) / backends.length, { concurrency: numberArg(args, 'concurrency', 8) });
    const first = r.samples[0]!;
    const last = r.samples[r.samples.length - 1]!;
    console.log(`${r.backend}: ${r.handshakes} handshakes (${(r.handshakes / r.seconds).toFixed(0)}/s), ${(r.bytes / 2 ** 20).toFixed(0)} MiB transferred, ${r.failures.length} failures`);
    console.log(`  rss ${first.rssMb.toFixed(1)} -> ${last.rssMb.toFixed(1)} MB, heap ${first.heapMb.toFixed(1)} -> ${last.heapMb.toFixed(1)} MB, openssl SSL ${first.ssl} -> ${last.ssl}, SSL_CTX ${first.ctx} -> ${last.ctx}`);
    const g = r.growthPer100k;
    const show = (x: { value: number; error: number }, digits: number) => `${x.value.toFixed(digits)} ± ${x.error.toFixed(digits)}`;
    console.log(`  growth per 100k handshakes after warm-up (± standard error): rss ${show(g.rssMb, 1)} MB, heap ${show(g.heapMb, 1)} MB, SSL ${show(g.ssl, 2)}, SSL_CTX ${show(g.ctx, 2)} (${r.samples.length} samples)`);
    const quarters = [0.25, 0.5, 0.75, 1].map((q) => r.samples[Math.min(r.samples.length - 1, Math.round(q * (r.samples.length - 1)))]!);
    console.log(`  rss at each quarter: ${quarters.map((s) => `${s.handshakes} handshakes ${s.rssMb.toFixed(1)} MB`).join(', ')}`);
    for (const f of r.failures) console.log(`  FAIL ${f}`);
    if (r.failures.length > 0 || last.ssl !== 0) failed = true;
  }
} finally {
  ca.dispose();
}
process.exitCode = failed ? 1 : 0;
