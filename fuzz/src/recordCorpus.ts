import { recordTranscript, saveCorpusPki, saveTranscript } from './corpus.js';
import { BACKENDS, Contexts, VARIANTS } from './targets.js';

/**
 * Records the corpus once: a real handshake for every client x server backend pair and every
 * variant, written to fuzz/corpus as hex records. Run: node fuzz/dist/recordCorpus.js
 */
const contexts = Contexts.create();
saveCorpusPki(contexts.pki);
try {
  for (const variant of VARIANTS) {
    for (const client of Object.keys(BACKENDS)) {
      for (const server of Object.keys(BACKENDS)) {
        try {
          const t = await recordTranscript(contexts, client, server, variant);
          console.log(`${saveTranscript(t)}: ${t.c2s.length} records c2s, ${t.s2c.length} s2c`);
        } catch (error) {
          console.log(`skipped ${variant} ${client} -> ${server}: ${(error as Error).message}`);
        }
      }
    }
  }
} finally {
  await contexts.dispose();
}
