import { expect } from 'chai';
import { CompletionPort, GskStatus, type OverlappedInput } from '@tlsport/core';
import { pureBackend } from '@tlsport/backend-pure';
import { makePki, next, sessionPair, type Pki } from '../support/sessions.js';

/**
 * Found by the soak: a port attached the operation registry of every session that ever started an
 * operation on it and kept it until the port was destroyed, so one long-lived port grew by every
 * connection it served (about 500 bytes each). The port's client set is private; the test reads
 * it because that set is what leaked.
 */
describe('a long-lived completion port does not keep the sessions it served', function () {
  let pki: Pki;
  before(() => (pki = makePki()));
  after(() => pki.ca.dispose());

  const clientsOf = (port: CompletionPort): number => (port as unknown as { clients: Set<unknown> }).clients.size;

  it('100 connections through one port, all closed: the port holds at most one client', async () => {
    const port = CompletionPort.create();
    try {
      for (let i = 0; i < 100; i++) {
        const pair = await sessionPair(pureBackend, pureBackend, pki);
        pair.server.startInit(port, {});
        pair.client.startInit(port, {});
        expect((await next(port)).returnValue).to.equal(GskStatus.GSK_OK);
        expect((await next(port)).returnValue).to.equal(GskStatus.GSK_OK);
        await pair.close();
      }
      expect(clientsOf(port)).to.be.at.most(1);
    } finally {
      port.destroy();
    }
  });

  it('destroying the port still settles what is pending on it', async () => {
    const port = CompletionPort.create();
    const pair = await sessionPair(pureBackend, pureBackend, pki);
    const init: OverlappedInput & { returnValue?: GskStatus } = { operationId: 'server init' };
    pair.server.startInit(port, init);
    expect(pair.server.isOperationPending('server init')).to.equal(true);
    port.destroy();
    expect(init.returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT);
    expect(pair.server.isOperationPending('server init')).to.equal(false);
    await pair.close();
  });
});
