import { loadCorpusPki, recordTranscript, saveCorpusPki, saveTranscript } from './corpus.js';
import { BACKENDS, Contexts, VARIANTS } from './targets.js';

/**
 * Records the corpus: a real handshake for every client x server backend pair and every variant,
 * written to fuzz/corpus as hex records. Run: node fuzz/dist/recordCorpus.js [BACKEND]
 * With a backend name, only the pairs it takes part in are recorded again, with the corpus's
 * existing certificates (after a change to what that backend sends, e.g. new default groups).
 */
const only = process.argv[2];
if (only !== undefined && BACKENDS[only] === undefined) throw new Error(`unknown backend ${only} (${Object.keys(BACKENDS).join(', ')})`);
const contexts = only === undefined ? Contexts.create() : Contexts.create(loadCorpusPki());
if (only === undefined) saveCorpusPki(contexts.pki);
try {
  for (const variant of VARIANTS) {
    for (const client of Object.keys(BACKENDS)) {
      for (const server of Object.keys(BACKENDS)) {
        if (only !== undefined && client !== only && server !== only) continue;
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
