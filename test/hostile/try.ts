import { alertName } from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { makePki } from '../support/sessions.js';
import { HOSTILE_CASES } from './cases.js';
import { hostileTable } from './run.js';

const only = process.argv[2];
const pki = makePki();
const t0 = performance.now();
await hostileTable(HOSTILE_CASES, BACKENDS.filter((b) => only === undefined || b.name === only), pki, (c, cell) => {
  const r = cell.result;
  console.log(`${cell.backend.padEnd(8)} #${c.item} ${c.role} ${c.version} ${c.name}: ${r.status} alert=${r.alert === undefined ? '-' : alertName(r.alert)} accepted=${cell.accepted ?? r.accepted}${cell.capped ? '+' : ''} ${r.detail.slice(0, 90)}`);
});
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
pki.ca.dispose();
