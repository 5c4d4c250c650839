import { SUITE_CASES } from '../../support/suiteCases.js';
import type { Scenario } from '../types.js';
import { check, opensslSaw } from './expectations.js';
import { serving } from './serverCertificate.js';

/** Each cipher suite, the only one the side under test enables; the peer offers all of them. */
export const suiteScenarios: Scenario[] = SUITE_CASES.map(({ suite, cert, attrs }) => ({
  feature: `suite ${suite.name}`,
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect(serving(run, run.pki[cert], { local: attrs }));
    const negotiated = await link.established();
    check(negotiated.cipherSuite === suite.name && negotiated.version === suite.version, `negotiated ${negotiated.version} ${negotiated.cipherSuite}`);
    await link.exchange();
    opensslSaw(link, new RegExp(`cipher is ${suite.openssl}\\b`, 'i'), `cipher ${suite.openssl}`);
  },
}));
