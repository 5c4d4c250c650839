import { expect } from 'chai';
import { CompletionPort } from '../../src/port/CompletionPort.js';
import { GskStatus } from '../../src/gsk/status.js';
import type { Overlapped } from '../../src/port/Overlapped.js';
import type { SecureSession } from '../../src/session/SecureSession.js';
import { BACKENDS, clientAttrs, makePki, pureBackend, serverAttrs, serverOnPipe } from '../support/fixtures.js';
import { FloodingClient } from '../support/floodingClient.js';

const BOUND = 128 * 1024;
const CHUNK = 16 * 1024;

/** The server side of -rev/echo: receive, send it back, wait for the send, receive again. */
async function echo(session: SecureSession, port: CompletionPort): Promise<void> {
  for (;;) {
    const recv = { buffer: new Uint8Array(CHUNK), postFlag: true } as Overlapped;
    if (session.startRecv(port, recv) !== GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV) return;
    const got = await port.wait();
    if (got === null || got.returnValue !== GskStatus.GSK_OK) return;
    const send = { buffer: got.buffer!.subarray(0, got.secureDataTransferSize), postFlag: true } as Overlapped;
    if (session.startSend(port, send) !== GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND) return;
    const sent = await port.wait();
    if (sent === null || sent.returnValue !== GskStatus.GSK_OK) return;
  }
}

describe('slow reader: a peer that sends without reading', function () {
  this.timeout(30_000);
  const pki = makePki();

  for (const backend of BACKENDS) {
    for (const variant of ['echo', 'KeyUpdate requests'] as const) {
      it(`${backend.name} server, ${variant}: the session stops reading at its bound and stays within it`, async () => {
        const { env, session, peerEnd, port } = await serverOnPipe(backend, serverAttrs(pki, { maxBufferedBytes: BOUND }));
        const init = port.wait(10_000);
        session.startInit(port, {});
        const client = await FloodingClient.connect(peerEnd, pureBackend, clientAttrs(pki));
        expect((await init)!.returnValue).to.equal(GskStatus.GSK_OK);
        let app: Promise<void> = Promise.resolve();
        const payload = new Uint8Array(CHUNK).fill(0x61);
        let step: () => void;
        if (variant === 'echo') {
          app = echo(session, port);
          step = () => client.engine.send(payload, () => undefined);
        } else {
          // One receive waits; every request obliges the server to answer with its own KeyUpdate. A byte
          // of data every 16 requests keeps the flood under the 32-in-a-row cap the pure and openssl
          // engines enforce (RFC 8446 §4.6.3), so what is measured is the bound, not that refusal.
          session.startRecv(port, { buffer: new Uint8Array(CHUNK), postFlag: true });
          let requests = 0;
          step = () => {
            client.engine.keyUpdate(true);
            if (++requests % 16 === 0) client.engine.send(Uint8Array.of(0x61), () => undefined);
          };
        }
        const stalled = await client.flood(step, 300, 15_000);
        const held = session.bufferedBytes;
        const peak = session.bufferedBytesPeak;
        console.log(`      ${backend.name} ${variant}: stalled ${stalled}, held ${held}, peak ${peak}, bound ${BOUND}`);
        expect(session.error, String(session.error)).to.equal(undefined);
        expect(peak, 'peak within the bound').to.be.at.most(BOUND);
        expect(stalled, 'the server stopped taking input').to.equal(true);
        expect(held, 'the outbound half is full').to.be.at.least(BOUND / 2 - 2 * CHUNK);
        await session.close();
        port.destroy();
        await app;
        await client.close();
        await env.close();
      });
    }
  }
});
