import { expect } from 'chai';
import { TestCa, type Issued } from '@tlsport/testkit';
import { BACKENDS } from '../support/backends.js';
import { toolModule, type Resources, type Torture } from './support/tools.js';

/**
 * The seeded short version of `npm run torture`: handshakes over every backend pair, each cancelled,
 * timed out, closed or its port destroyed at a random moment. Every operation completes exactly
 * once, nothing is left behind (timers, handles, OpenSSL objects), no promise goes unhandled.
 */
describe('cancellation torture (seeded, short)', function () {
  this.timeout(60_000);
  let ca: TestCa;
  let leaf: Issued;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

  before(() => {
    ca = TestCa.root({ cn: 'tlsport torture root' });
    leaf = ca.issue();
    process.on('unhandledRejection', onUnhandled);
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    ca.dispose();
  });

  it('1200 handshakes struck at random moments: each operation completes once, zero leaks', async () => {
    const { torture, MOMENTS } = await toolModule<Torture>('reliability/dist/torture.js');
    const { snapshot, settle } = await toolModule<Resources>('reliability/dist/resources.js');
    const before = snapshot();
    const report = await torture({ handshakes: 1200, seed: 20261121, backends: BACKENDS, pki: { ca, leaf }, concurrency: 16 });
    expect(report.violations, report.violations.slice(0, 5).join('\n')).to.deep.equal([]);
    expect(report.handshakes).to.equal(1200);
    for (const moment of MOMENTS) expect(Object.keys(report.outcomes), 'every moment was exercised').to.include(moment);
    expect(report.cancelled, 'cancellations that took effect').to.be.greaterThan(300);
    expect(await settle(before, 5000), 'timers, handles and OpenSSL objects left behind').to.deep.equal([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled.map(String)).to.deep.equal([]);
  });
});
