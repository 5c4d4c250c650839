import type { BulkSuite } from '../contenders/Contender.js';
import type { ComparedMetric } from '../results.js';
import { interleaved, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

const SUITES: readonly { suite: BulkSuite; label: string; id: string }[] = [
  { suite: 'TLS_AES_128_GCM_SHA256', label: 'AES-128-GCM', id: 'aes128gcm' },
  { suite: 'TLS_CHACHA20_POLY1305_SHA256', label: 'ChaCha20-Poly1305', id: 'chacha20' },
];

const MB = 1e6;

/** Metric 4: bulk throughput client -> server in 16 KiB records, TLS 1.3, in memory and over loopback TCP. */
export async function bulkSuite(context: SuiteContext): Promise<SuiteOutput> {
  const bytes = context.options.bulkBytes;
  const compared: ComparedMetric[] = [];
  for (const over of ['memory', 'loopback'] as const) {
    for (const { suite, label, id } of SUITES) {
      const title = `Bulk MB/s, 16 KiB records, ${label}, ${over === 'memory' ? 'in memory' : 'over loopback TCP'}`;
      progress(title);
      const results = await interleaved(context, async (contender) => {
        const link = await contender.bulk(suite, over);
        return {
          sample: async () => {
            const t0 = performance.now();
            await link.transfer(bytes);
            return bytes / MB / ((performance.now() - t0) / 1000);
          },
          close: () => link.close(),
        };
      });
      compared.push({ id: `bulk-${over}-${id}`, suite: 'bulk', title, unit: 'MB/s', better: 'higher', results });
    }
  }
  return { compared, single: [] };
}
