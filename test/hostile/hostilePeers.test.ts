import { expect } from 'chai';
import { BACKENDS } from '../support/backends.js';
import { makePki, type Pki } from '../support/sessions.js';
import { HOSTILE_CASES } from './cases.js';
import { writesDocs } from '../support/generatedDocs.js';
import { writeHostileDocument } from './documents.js';
import { openArena, runCase, type HostileCell } from './run.js';
import { mismatches } from './table.js';

/**
 * Hostile peers (docs/design.md rules 10 and 11): every attack of the hardening issue, written record by
 * record by an attacker without a TLS library, against every backend in the role it applies to.
 * Each cell must show the alert, GSK status and count the RFCs ask for, or the difference its case
 * documents. Writes docs/hostile-peers.md from what it saw.
 */
describe('hostile peers: raw-record attacks on every backend', function () {
  this.timeout(120_000);
  let pki: Pki;
  const cells = new Map<string, HostileCell[]>(HOSTILE_CASES.map((c) => [c.name + c.role + c.version, []]));
  before(() => (pki = makePki()));
  after(() => pki.ca.dispose());

  for (const backend of BACKENDS) {
    it(`${backend.name}: each attack gives the alert, status and count the RFCs ask for, or its documented difference`, async () => {
      const arena = await openArena(backend, pki);
      const problems: string[] = [];
      try {
        for (const c of HOSTILE_CASES) {
          const cell = await runCase(c, backend.name, arena);
          cells.get(c.name + c.role + c.version)!.push(cell);
          problems.push(...mismatches(c, cell));
        }
      } finally {
        await arena.close();
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('every attack ran on every backend (TLSPORT_WRITE_DOCS=1 writes docs/hostile-peers.md from these results; npm run docs:hostile also updates the README)', () => {
    const rows = HOSTILE_CASES.map((hostile) => ({ hostile, cells: cells.get(hostile.name + hostile.role + hostile.version)! }));
    expect(rows.every((r) => r.cells.length === BACKENDS.length), 'every backend ran').to.equal(true);
    const names = BACKENDS.map((b) => b.name);
    if (writesDocs()) writeHostileDocument(rows, names);
  });
});
