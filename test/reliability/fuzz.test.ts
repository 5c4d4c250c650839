import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { toolModule, type FuzzCampaign, type FuzzCorpus, type FuzzRegressions, type FuzzTargets } from './support/tools.js';

const REGRESSIONS = new URL('../../../fuzz/regressions/', import.meta.url);
const BACKEND_NAMES = ['node-tls', 'openssl', 'pure'];

/**
 * The seeded short version of `npm run fuzz`, and the replay of every input kept in
 * fuzz/regressions: each must now end cleanly (and with its expected status, when one is given).
 */
describe('fuzzing (seeded, short) and kept regressions', function () {
  this.timeout(120_000);

  for (const target of BACKEND_NAMES) {
    it(`${target}: 400 mutated and generated inputs at every state, both roles, break no contract`, async () => {
      const { runCampaign } = await toolModule<FuzzCampaign>('fuzz/dist/campaign.js');
      const result = await runCampaign({ target, iterations: 400, seed: 20261121, peers: ['pure', 'openssl'], cpuBoundMs: 5000, reportEvery: 200, maxRssGrowthMb: 200 });
      expect(result.failures.map((f) => `input ${f.found.iteration}: ${f.problems.join('; ')}`)).to.deep.equal([]);
      expect(result.memoryProblems).to.deep.equal([]);
      expect(result.inputs).to.equal(400);
      const failed = [...result.ended].filter(([k]) => k.startsWith('failed')).reduce((n, [, v]) => n + v, 0);
      expect(failed, 'most inputs are rejected with a status').to.be.greaterThan(150);
    });
  }

  const files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json')).sort();
  it('fuzz/regressions holds the kept inputs', () => expect(files.length).to.be.greaterThan(0));
  for (const name of files) {
    it(`replays fuzz/regressions/${name}`, async () => {
      const { loadRegressions, replay } = await toolModule<FuzzRegressions>('fuzz/dist/regressions.js');
      const { Contexts } = await toolModule<FuzzTargets>('fuzz/dist/targets.js');
      const { loadCorpusPki } = await toolModule<FuzzCorpus>('fuzz/dist/corpus.js');
      const { regression } = loadRegressions().find((r) => r.name === name)!;
      const contexts = Contexts.create(loadCorpusPki());
      try {
        const outcome = await replay(contexts, regression, 5000);
        expect(outcome.problems).to.deep.equal([]);
        if (regression.expectedStatus !== undefined) expect(outcome.status, outcome.detail).to.equal(regression.expectedStatus);
      } finally {
        await contexts.dispose();
      }
    });
  }
});
