import { expect } from 'chai';
import { GskStatus } from '../../src/gsk/status.js';
import { SecureEnvironment } from '../../src/session/SecureEnvironment.js';
import { BACKENDS, clientAttrs, makePki, nextCompletion, serverOnPipe, serverAttrs } from '../support/fixtures.js';

describe('startInit on a transport that already holds the peer first flight', () => {
  const pki = makePki();
  after(() => pki.ca.dispose());

  for (const backend of BACKENDS) {
    it(`${backend.name}: the server engine starts before it reads the waiting ClientHello`, async () => {
      const server = await serverOnPipe(backend, serverAttrs(pki));
      const clientEnv = await SecureEnvironment.open(backend, clientAttrs(pki));
      const client = clientEnv.openSession(server.peerEnd, {}, { ownsSocket: true });
      client.startInit(server.port, { descriptorHandle: 'client' });
      // The ClientHello is in the server's pipe before its session starts (as with a connection
      // accepted and handed to a session a few ticks later).
      await new Promise((resolve) => setTimeout(resolve, 50));
      server.session.startInit(server.port, { descriptorHandle: 'server' });
      const done = [await nextCompletion(server.port), await nextCompletion(server.port)];
      expect(done.map((c) => [c.descriptorHandle, c.returnValue]).sort()).to.deep.equal([['client', GskStatus.GSK_OK], ['server', GskStatus.GSK_OK]]);
      await Promise.all([client.close(), server.session.close()]);
      await Promise.all([clientEnv.close(), server.env.close()]);
      server.port.destroy();
    });
  }
});
