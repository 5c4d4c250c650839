import { BACKENDS } from '../support/backends.js';
import { killChildren } from '@tlsport/testkit';
import { updateReadme, writeParityDocument } from './documents.js';
import { runMatrix } from './matrix.js';
import { SCENARIOS } from './scenarios/index.js';

/**
 * `npm run docs:parity`: runs every parity scenario and writes docs/parity.md and the README's
 * parity section from what is true now.
 */
const started = performance.now();
const cells = await runMatrix(SCENARIOS, BACKENDS, (cell) => {
  if (cell.result !== 'pass') console.log(`${cell.result}: ${cell.backend} ${cell.feature} (${cell.role}): ${cell.reason}`);
});
await killChildren();
writeParityDocument(cells);
updateReadme(cells);
const counts = ['pass', 'fail', 'not offered'].map((r) => `${cells.filter((c) => c.result === r).length} ${r}`).join(', ');
console.log(`${cells.length} cells: ${counts}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
