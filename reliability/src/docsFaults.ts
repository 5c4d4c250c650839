import { readFileSync, writeFileSync } from 'node:fs';
import { BACKENDS } from './backends.js';
import { certFaultTable, DOC_PATH, writeCertFaultDocument } from './certFaults/document.js';
import { renderSummary } from './certFaults/table.js';

/**
 * npm run docs:faults: runs every certificate fault on every backend, writes docs/cert-faults.md and
 * the README section between the cert-faults markers (appended at the end when absent).
 */
const README = new URL('../../README.md', import.meta.url);
const START = '<!-- cert-faults:start -->';
const END = '<!-- cert-faults:end -->';

const rows = await certFaultTable(BACKENDS);
writeCertFaultDocument(rows, BACKENDS.map((b) => b.name));
const section = `${START}\n## Certificate faults\n\nThe same faulty certificate gives the same GSK status on every backend (details: [docs/cert-faults.md](docs/cert-faults.md)).\n\n${renderSummary(rows, BACKENDS.map((b) => b.name))}\n${END}`;
const readme = readFileSync(README, 'utf8');
const at = readme.indexOf(START);
const end = readme.indexOf(END);
const updated = at >= 0 && end > at ? readme.slice(0, at) + section + readme.slice(end + END.length) : `${readme.replace(/\n*$/, '\n')}\n${section}\n`;
writeFileSync(README, updated);
console.log(`wrote ${DOC_PATH} and the README section (${rows.length} faults x ${BACKENDS.length} backends)`);
