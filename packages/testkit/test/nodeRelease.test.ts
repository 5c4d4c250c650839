import { expect } from 'chai';
import { nodeRelease } from '../src/index.js';
import { spawnSync } from 'node:child_process';

describe('nodeRelease', function () {
  this.timeout(300_000);

  it('installs Node 26 from the registry into the cache and it runs with OpenSSL 3.5', () => {
    const node = nodeRelease(26);
    expect(node.major).to.equal(26);
    expect(node.version).to.match(/^26\./);
    expect(node.openssl).to.match(/^3\.(5|[6-9])\./);
    const run = spawnSync(node.bin, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    expect(run.stdout.trim()).to.equal(node.version);
  });

  it('refuses a major that is not a number', () => {
    expect(() => nodeRelease(Number.NaN)).to.throw(/cannot install Node NaN/);
  });
});
