import { BACKENDS } from '../support/backends.js';
import { makePki } from '../support/sessions.js';
import { HOSTILE_CASES } from './cases.js';
import { HOSTILE_DOC, updateReadme, writeHostileDocument } from './documents.js';
import { hostileTable } from './run.js';

/** `npm run docs:hostile`: runs every hostile peer on every backend, writes docs/hostile-peers.md and the README section. */
const pki = makePki();
try {
  const started = performance.now();
  const rows = await hostileTable(HOSTILE_CASES, BACKENDS, pki);
  const names = BACKENDS.map((b) => b.name);
  writeHostileDocument(rows, names);
  updateReadme(rows, names);
  console.log(`wrote ${HOSTILE_DOC} and the README section (${rows.length} attacks x ${names.length} backends, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
} finally {
  pki.ca.dispose();
}
