import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeRelease } from '@tlsport/testkit';
import { NobleCryptoProvider, NodeCryptoProvider, type CryptoProvider } from '../../src/crypto/index.js';
import { loadWycheproof, wycheproofFileNames } from './wycheproof.js';
import { RUNNERS } from './wycheproofRunners.js';
import { Tally } from './wycheproofJudge.js';
import { nodeHasMlKem } from '../../src/crypto/node/NodeMlKem.js';

const PROVIDERS: readonly CryptoProvider[] = [new NodeCryptoProvider(), new NobleCryptoProvider()];

describe('Wycheproof vectors', () => {
  it('has a runner for every vector file and a file for every runner', () => {
    expect(wycheproofFileNames()).to.deep.equal(Object.keys(RUNNERS).sort());
  });

  // This Node's node:crypto lacks ML-KEM, so the node provider ran the ML-KEM files on its
  // @noble/post-quantum fallback: run them once more under Node 26, where it uses node:crypto's.
  if (!nodeHasMlKem()) {
    it('the ML-KEM files pass on node:crypto\'s own ML-KEM too (this file under Node 26)', function () {
      this.timeout(300_000);
      const node = nodeRelease(26);
      const mocha = fileURLToPath(import.meta.resolve('mocha/bin/mocha.js'));
      const run = spawnSync(node.bin, [mocha, '--no-config', '--timeout', '60000', '-g', 'node provider mlkem_768', fileURLToPath(import.meta.url)], { encoding: 'utf8', timeout: 240_000 });
      expect(run.status, run.stdout + run.stderr).to.equal(0);
      expect(run.stdout).to.match(/\b3 passing/);
    });
  }

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
