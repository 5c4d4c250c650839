import { expect } from 'chai';
import { BACKENDS } from '../support/backends.js';
import { killChildren } from '@tlsport/testkit';
import { writesDocs } from '../support/generatedDocs.js';
import { writeParityDocument } from './documents.js';
import { gapKey, KNOWN_GAPS } from './knownGaps.js';
import { cellsOf, evaluateCell, matrixContext, type Cell, type MatrixContext } from './matrix.js';
import { SCENARIOS } from './scenarios/index.js';

/**
 * Issue #5's feature parity table: every feature in each role on every backend, against the same
 * backend and against openssl s_server / s_client. Each cell is one test; a full run asked to
 * (TLSPORT_WRITE_DOCS=1) writes docs/parity.md (the README section is written by `npm run docs:parity`).
 */
describe('feature parity: every backend against itself and openssl', function () {
  this.timeout(60_000);
  const planned = [...cellsOf(SCENARIOS, BACKENDS)];
  const cells: Cell[] = [];
  let context: MatrixContext;

  before(() => {
    context = matrixContext();
  });
  after(async () => {
    await context.dispose();
    await killChildren();
    // Only a full run describes the tree; a --grep subset must not overwrite the table.
    if (writesDocs() && cells.length === planned.length) writeParityDocument(cells);
  });

  for (const { scenario, role, backend } of planned) {
    const key = gapKey(scenario.feature, role, backend.name);
    it(key, async () => {
      const cell = await evaluateCell(scenario, role, backend, context);
      cells.push(cell);
      const gap = KNOWN_GAPS.get(key);
      if (gap !== undefined) {
        expect(cell.result, `known gap "${gap}" no longer fails: remove it from KNOWN_GAPS`).to.equal('fail');
        return;
      }
      expect(cell.result, cell.reason).to.not.equal('fail');
      if (cell.result === 'not offered') expect(cell.reason, 'a not-offered cell says why').to.be.a('string').and.have.length.greaterThan(10);
    });
  }

  it('every known gap names a cell of the table', () => {
    const keys = new Set(planned.map((p) => gapKey(p.scenario.feature, p.role, p.backend.name)));
    expect([...KNOWN_GAPS.keys()].filter((k) => !keys.has(k))).to.deep.equal([]);
  });
});
