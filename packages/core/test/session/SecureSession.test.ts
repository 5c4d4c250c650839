import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { GskStatus } from '../../src/gsk/status.js';
import { CompletionPort } from '../../src/port/CompletionPort.js';
import { OperationKind, type Overlapped } from '../../src/port/Overlapped.js';
import { SecureEnvironment } from '../../src/session/SecureEnvironment.js';
import { memoryPipe } from '../../src/transport/memoryPipe.js';
import type { SecureAttributes } from '../../src/attributes/SecureAttributes.js';
import { BACKENDS, clientAttrs, makePki, nextCompletion, serverAttrs } from '../support/fixtures.js';
import type { TlsBackend } from '../../src/engine/spi.js';

/** A client and a server session of one backend over a memory pipe, handshaken. */
async function established(backend: TlsBackend, pki: ReturnType<typeof makePki>, server: SecureAttributes = {}, client: SecureAttributes = {}) {
  const port = CompletionPort.create();
  const clientEnv = await SecureEnvironment.open(backend, clientAttrs(pki, client));
  const serverEnv = await SecureEnvironment.open(backend, serverAttrs(pki, server));
  const [a, b] = memoryPipe();
  const c = clientEnv.openSession(a, {}, { ownsSocket: true });
  const s = serverEnv.openSession(b, {}, { ownsSocket: true });
  s.startInit(port, { descriptorHandle: 's' });
  c.startInit(port, { descriptorHandle: 'c' });
  for (let i = 0; i < 2; i++) expect((await nextCompletion(port)).returnValue).to.equal(GskStatus.GSK_OK);
  return {
    port,
    client: c,
    server: s,
    async close() {
      await Promise.all([c.close(), s.close()]);
      port.destroy();
      await Promise.all([clientEnv.close(), serverEnv.close()]);
    },
  };
}

describe('SecureSession: bound and idle timeout', function () {
  this.timeout(20_000);
  const pki = makePki();

  for (const backend of BACKENDS) {
    describe(`on ${backend.name}`, () => {
      it('a send larger than the bound goes out in slices and completes once the transport took it all', async () => {
        const bound = 128 * 1024;
        const pair = await established(backend, pki, {}, { maxBufferedBytes: bound });
        expect(pair.client.maxBufferedBytes).to.equal(bound);
        const data = new Uint8Array(1 << 20).map((_, i) => i % 251);
        const send = { buffer: data, descriptorHandle: 'send' } as Overlapped;
        expect(pair.client.startSend(pair.port, send)).to.equal(GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND);
        const received: Uint8Array[] = [];
        let total = 0;
        let sent: Overlapped | undefined;
        while (total < data.length) {
          const recv = { buffer: new Uint8Array(64 * 1024), descriptorHandle: 'recv' } as Overlapped;
          const status = pair.server.startRecv(pair.port, recv);
          let c = recv;
          if (status === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV) {
            c = await nextCompletion(pair.port);
            if (c.descriptorHandle === 'send') {
              sent = c;
              c = await nextCompletion(pair.port);
            }
          }
          expect(c.returnValue).to.equal(GskStatus.GSK_OK);
          received.push(c.buffer!.slice(0, c.secureDataTransferSize));
          total += c.secureDataTransferSize;
          // A slow reader: the sender's bound holds while it waits.
          await sleep(1);
        }
        sent ??= await nextCompletion(pair.port);
        expect([sent.operationCompleted, sent.returnValue, sent.secureDataTransferSize]).to.deep.equal([OperationKind.StartSend, GskStatus.GSK_OK, data.length]);
        expect(Buffer.concat(received).equals(data)).to.equal(true);
        expect(pair.client.bufferedBytesPeak).to.be.at.most(bound);
        await pair.close();
      });

      it('idleTimeoutMs closes an established session that sees no traffic, and traffic keeps it open', async () => {
        const pair = await established(backend, pki, { idleTimeoutMs: 300 });
        for (let i = 0; i < 4; i++) {
          await sleep(150);
          // Finished at once (a synchronous engine) or posted (node-tls encrypts asynchronously).
          if (pair.client.startSend(pair.port, { buffer: Uint8Array.of(i) }) !== GskStatus.GSK_OK) {
            expect((await nextCompletion(pair.port)).returnValue).to.equal(GskStatus.GSK_OK);
          }
        }
        expect(pair.server.currentState).to.equal('established');
        const recv = { buffer: new Uint8Array(16) } as Overlapped;
        pair.server.startRecv(pair.port, recv);
        const started = performance.now();
        while (pair.server.currentState !== 'closed' && performance.now() - started < 5000) await sleep(20);
        expect(pair.server.currentState).to.equal('closed');
        expect(pair.server.error?.status).to.equal(GskStatus.GSK_IBMI_ERROR_TIMED_OUT);
        expect(pair.server.error?.message).to.match(/idleTimeoutMs/);
        await pair.close();
      });
    });
  }
});
