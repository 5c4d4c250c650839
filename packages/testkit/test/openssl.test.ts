import { expect } from 'chai';
import { GET, TestCa, killChildren, opensslClient, opensslClientProcess, opensslServer, type Issued } from '../src/index.js';

describe('openssl CLI peers', function () {
  this.timeout(20_000);
  let ca: TestCa;
  let leaf: Issued;
  before(() => {
    ca = TestCa.root();
    leaf = ca.issue();
  });
  afterEach(() => killChildren());
  after(() => ca.dispose());

  const trusting = (): string[] => ['-CAfile', ca.certFile, '-verify_return_error'];

  it('opensslServer listens on an OS-chosen port; opensslClient talks to it', async () => {
    const server = await opensslServer(['-cert', leaf.chainFile, '-key', leaf.keyFile, '-www', '-naccept', '1']);
    expect(server.port).to.be.greaterThan(0);
    const r = await opensslClient(server.port, [...trusting(), '-ign_eof'], GET);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/^HTTP\/1\.0 200 ok/m).and.match(/Verify return code: 0 \(ok\)/);
    expect(await server.child.exitCode()).to.equal(0);
  });

  it('opensslClientProcess stays open for a conversation', async () => {
    const server = await opensslServer(['-cert', leaf.chainFile, '-key', leaf.keyFile, '-rev', '-naccept', '1']);
    const client = opensslClientProcess(server.port, trusting());
    client.write('hello\n');
    await client.waitFor(/^olleh$/m);
    expect(client.exitedWith).to.equal(undefined);
    client.end();
    expect(await client.exitCode()).to.equal(0);
  });

  it('lineBuffered shows what openssl prints while it still runs', async () => {
    const server = await opensslServer(['-cert', leaf.chainFile, '-key', leaf.keyFile, '-naccept', '1']);
    const client = opensslClientProcess(server.port, trusting(), { lineBuffered: true });
    // Block-buffered, s_client holds this report until it next writes to stdout itself.
    await client.waitFor(/^Post-Handshake New Session Ticket arrived:$/m, 'stdout', 3000);
    expect(client.exitedWith).to.equal(undefined);
  });
});
