import { expect } from 'chai';
import { GskStatus, gskStatusName } from '@tlsport/core';
import { OpenSslBackend } from '@tlsport/backend-openssl';
import { pureBackend } from '@tlsport/backend-pure';
import { handshake, makePki, sessionPair, type Pki } from '../support/sessions.js';

/**
 * Found by the cancellation torture: over a memory pipe to a synchronous (pure) server, the
 * openssl client's step outcome is answered inside its own transmit call; that input used to start
 * a second step while the first outcome was still being delivered, and info() then failed with
 * "a handshake step is running" (GSK_INTERNAL_ERROR).
 */
describe('openssl engine: input arriving while a step outcome is delivered', function () {
  let pki: Pki;
  before(() => (pki = makePki()));
  after(() => pki.ca.dispose());

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    it(`openssl client against a pure server on a memory pipe completes every time (${version})`, async () => {
      for (let i = 0; i < 25; i++) {
        const pair = await sessionPair(new OpenSslBackend(), pureBackend, pki, { maxVersion: version });
        try {
          const { client, server } = await handshake(pair);
          expect(gskStatusName(client.returnValue), `handshake ${i}: ${client.error?.message}`).to.equal(gskStatusName(GskStatus.GSK_OK));
          expect(gskStatusName(server.returnValue), `handshake ${i}: ${server.error?.message}`).to.equal(gskStatusName(GskStatus.GSK_OK));
        } finally {
          await pair.close();
        }
      }
    });
  }
});
