import { expect } from 'chai';
import { gskStatusName } from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { toolModule, type CertFaultRun, type CertFaultTable } from '../reliability/support/tools.js';
import { PKI_CASES, type PkiCase } from './cases/index.js';
import { writesDocs } from '../support/generatedDocs.js';
import { writePkiDocument } from './document.js';
import { Pki, type PkiSetup } from './Pki.js';

type Result = Awaited<ReturnType<CertFaultRun['runPresented']>>;

/**
 * Path validation to the web-PKI rules (docs/path-validation.md) on every backend: name
 * constraints, host names from the SAN only, CA-as-leaf, EKU, key rules and path building, each
 * case with its expected status; a backend may report a documented different status instead
 * (OpenSSL's verifier, where it is weaker by policy). The PKI is generated once per run.
 */
describe('PKI suite: path validation on every backend', function () {
  this.timeout(120_000);
  let pki: Pki;
  const setups = new Map<PkiCase, PkiSetup>();
  const rows: { fault: PkiCase; results: Result[] }[] = [];
  const timings: { name: string; backend: string; ms: number }[] = [];

  before(function () {
    this.timeout(300_000);
    pki = new Pki();
    for (const c of PKI_CASES) setups.set(c, c.setup(pki));
  });
  after(() => pki?.dispose());

  for (const c of PKI_CASES) {
    it(`${c.name} (${c.note})`, async () => {
      const { runPresented } = await toolModule<CertFaultRun>('reliability/dist/certFaults/run.js');
      const setup = { ...setups.get(c)!, identity: pki.serverIdentity };
      const results: Result[] = [];
      for (const backend of BACKENDS) {
        const start = performance.now();
        results.push(await runPresented(c, backend, BACKENDS, setup));
        timings.push({ name: c.name, backend: backend.name, ms: performance.now() - start });
      }
      rows.push({ fault: c, results });
      const wrong = results.filter((r) => ![c.expected, c.disagreement?.statuses[r.backend] ?? c.expected].map(gskStatusName).includes(r.status));
      expect(wrong.map((r) => `${r.backend} (peer ${r.peer}): ${r.status} - ${r.detail}`)).to.deep.equal([]);
      const pure = results.find((r) => r.backend === 'pure')!;
      expect(pure.status, `pure: ${pure.detail}`).to.equal(gskStatusName(c.expected));
    });
  }

  it('has at least 60 cases; the mesh stops on the work budget; docs/pki-cases.md written', async () => {
    expect(rows).to.have.length(PKI_CASES.length);
    expect(PKI_CASES.length).to.be.at.least(60);
    const mesh = rows.find((r) => r.fault.name === 'mesh exhausting the budget')!;
    expect(mesh.results.find((r) => r.backend === 'pure')!.detail).to.match(/path building gave up after 100 signature checks/);
    const table = await toolModule<CertFaultTable>('reliability/dist/certFaults/table.js');
    if (writesDocs()) writePkiDocument(table, rows, BACKENDS.map((b) => b.name));
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`      ${PKI_CASES.length} cases x ${BACKENDS.length} backends; slowest: ${slowest.name} on ${slowest.backend}, ${slowest.ms.toFixed(0)} ms`);
  });
});
