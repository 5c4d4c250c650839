import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { GskStatus, TlsError } from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { makePki, sessionPair, type Pki } from '../support/sessions.js';

/** The promise face of SecureSession: handshake(), write(), for await, end(), each with an AbortSignal. */
describe('faces: the promise API on SecureSession', function () {
  this.timeout(20_000);
  let pki: Pki;
  before(() => {
    pki = makePki();
  });
  after(() => pki.ca.dispose());

  for (const backend of BACKENDS) {
    describe(backend.name, () => {
      it('handshake(), write(), for await and end() carry 1 MiB and close both sides', async () => {
        const pair = await sessionPair(backend, backend, pki);
        const [client, server] = await Promise.all([pair.client.handshake(), pair.server.handshake()]);
        expect(client.version).to.equal('TLSv1.3');
        expect(server.cipherSuite).to.equal(client.cipherSuite);
        const data = randomBytes(1024 * 1024);
        const received = (async () => {
          const parts: Uint8Array[] = [];
          for await (const chunk of pair.server) parts.push(chunk);
          return Buffer.concat(parts);
        })();
        expect(await pair.client.write(data.subarray(0, 1000))).to.equal(1000);
        expect(await pair.client.write(data.subarray(1000))).to.equal(data.length - 1000);
        await pair.client.end();
        expect(pair.client.currentState).to.equal('closed');
        expect((await received).equals(data)).to.equal(true);
        await pair.close();
      });

      it('an aborted handshake rejects with the signal’s reason and leaves the session closed', async () => {
        const pair = await sessionPair(backend, backend, pki);
        // The server never starts: the ClientHello goes unanswered.
        const controller = new AbortController();
        const pending = pair.client.handshake({ signal: controller.signal });
        setTimeout(() => controller.abort(new Error('user gave up')), 50);
        const error = await pending.then(() => undefined, (e: Error) => e);
        expect(error?.message).to.equal('user gave up');
        expect(pair.client.currentState).to.equal('closed');
        await pair.close();
      });

      it('an aborted read rejects; the session stays established and the next read gets the data', async () => {
        const pair = await sessionPair(backend, backend, pki);
        await Promise.all([pair.client.handshake(), pair.server.handshake()]);
        const controller = new AbortController();
        const reading = pair.server.chunks({ signal: controller.signal }).next();
        setTimeout(() => controller.abort(), 30);
        const error = await reading.then(() => undefined, (e: Error) => e);
        expect(error?.name).to.equal('AbortError');
        expect(pair.server.currentState).to.equal('established');
        await pair.client.write(Buffer.from('after the abort'));
        const next = await pair.server.chunks().next();
        expect(Buffer.from(next.value as Uint8Array).toString()).to.equal('after the abort');
        // A signal aborted before the call: nothing starts.
        expect(await pair.client.write(Buffer.from('x'), { signal: AbortSignal.abort() }).then(() => 'sent', (e: Error) => e.name)).to.equal('AbortError');
        await pair.close();
      });

      it('failures reject with the TlsError that ended the session; a write after end() is refused', async () => {
        const pair = await sessionPair(backend, backend, pki, { servername: 'wrong.test' });
        const [client] = await Promise.allSettled([pair.client.handshake(), pair.server.handshake()]);
        expect(client.status).to.equal('rejected');
        const reason = (client as PromiseRejectedResult).reason as TlsError;
        expect(reason).to.be.instanceOf(TlsError);
        expect(reason.status).to.equal(GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH);
        await pair.close();

        const ok = await sessionPair(backend, backend, pki);
        await Promise.all([ok.client.handshake(), ok.server.handshake()]);
        await ok.client.end();
        const refused = await ok.client.write(Buffer.from('late')).then(() => undefined, (e: Error & { status?: number }) => e);
        expect(refused?.message).to.match(/GSK_IBMI_ERROR_CLOSED/);
        await ok.close();
      });
    });
  }
});
