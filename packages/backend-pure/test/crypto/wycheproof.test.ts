import { expect } from 'chai';
import { NobleCryptoProvider, NodeCryptoProvider, type CryptoProvider } from '../../src/crypto/index.js';
import { loadWycheproof, wycheproofFileNames } from './wycheproof.js';
import { RUNNERS } from './wycheproofRunners.js';
import { Tally } from './wycheproofJudge.js';

const PROVIDERS: readonly CryptoProvider[] = [new NodeCryptoProvider(), new NobleCryptoProvider()];

describe('Wycheproof vectors', () => {
  it('has a runner for every vector file and a file for every runner', () => {
    expect(wycheproofFileNames()).to.deep.equal(Object.keys(RUNNERS).sort());
  });

  for (const provider of PROVIDERS) {
    describe(`${provider.name} provider`, () => {
      for (const name of Object.keys(RUNNERS).sort()) {
        it(name, function () {
          this.timeout(60_000);
          const runner = RUNNERS[name]!;
          const file = loadWycheproof(name);
          const tally = new Tally();
          runner.run(provider, file, tally);
          expect(tally.failures, tally.failures.slice(0, 10).join('\n')).to.deep.equal([]);
          expect(tally.run, `cases run (filtered ${tally.filtered})`).to.be.at.least(runner.minimumRun);
          if (name !== 'rsa_pkcs1_2048_test.json') expect(tally.run + tally.filtered).to.equal(file.numberOfTests);
        });
      }
    });
  }
});
