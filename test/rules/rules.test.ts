import { createServer, connect, type Server, type Socket } from 'node:net';
import { expect } from 'chai';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import {
  CompletionPort,
  Errno,
  GskError,
  GskStatus,
  OperationKind,
  PortDestroyedError,
  SecureEnvironment,
  memoryPipe,
  type Overlapped,
} from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { established, handshake, makePki, next, receive, sessionPair, type Pki, type SessionPair } from '../support/sessions.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** docs/design.md rules 1-9 at port/session level, for every backend. Rule 10 lives in faults.test.ts. */
for (const backend of BACKENDS) {
  describe(`DESIGN rules on the ${backend.name} backend`, function () {
    let pki: Pki;
    let pair: SessionPair | undefined;

    before(() => {
      pki = makePki();
    });
    after(() => pki.ca.dispose());
    afterEach(async () => {
      await pair?.close();
      pair = undefined;
    });

    it('rule 1: startInit never completes synchronously; its result arrives only through the port', async () => {
      pair = await sessionPair(backend, backend, pki);
      const ov = { descriptorHandle: 'c' };
      pair.server.startInit(pair.port, {});
      expect(pair.client.startInit(pair.port, ov)).to.equal(GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT);
      expect((ov as Overlapped).returnValue).to.equal(undefined);
      expect(await pair.port.wait(0)).to.equal(null);
      const a = await next(pair.port);
      const b = await next(pair.port);
      expect([a, b].map((c) => c.operationCompleted)).to.deep.equal([OperationKind.StartInit, OperationKind.StartInit]);
      expect([a, b]).to.include(ov);
    });

    it('rule 1: startRecv/startSend with postFlag false finish at once and post nothing; with postFlag true they are posted', async () => {
      pair = await established(backend, backend, pki);
      // Nothing buffered yet: the receive is started and posted when data arrives.
      const recv = { buffer: new Uint8Array(5), fillBuffer: true };
      expect(pair.server.startRecv(pair.port, recv)).to.equal(GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV);
      const send = { buffer: text('hello') } as Overlapped;
      const sent = pair.client.startSend(pair.port, send);
      expect([GskStatus.GSK_OK, GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND]).to.include(sent);
      const posted: Overlapped[] = [await next(pair.port)];
      if (sent === GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND) posted.push(await next(pair.port));
      else expect(send.secureDataTransferSize).to.equal(5);
      expect(posted).to.include(recv);
      // postFlag true: posted even though it could finish at once.
      const again = { buffer: text('world'), postFlag: true };
      expect(pair.client.startSend(pair.port, again)).to.equal(GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND);
      expect(await next(pair.port)).to.equal(again);
      while (pair.server.bytesAvailable < 5) await new Promise((r) => setTimeout(r, 2));
      // Data already buffered: the receive finishes synchronously and nothing is posted.
      const sync = { buffer: new Uint8Array(16) } as Overlapped;
      expect(pair.server.startRecv(pair.port, sync)).to.equal(GskStatus.GSK_OK);
      expect(Buffer.from(sync.buffer!.subarray(0, sync.secureDataTransferSize)).toString()).to.equal('world');
      expect(await pair.port.wait(0)).to.equal(null);
      pair.client.startSend(pair.port, { buffer: text('x'), postFlag: true });
      await next(pair.port);
      while (pair.server.bytesAvailable < 1) await new Promise((r) => setTimeout(r, 2));
      const postedRecv = { buffer: new Uint8Array(4), postFlag: true };
      expect(pair.server.startRecv(pair.port, postedRecv)).to.equal(GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV);
      expect(await next(pair.port)).to.equal(postedRecv);
    });

    it('rule 2: every operation completes exactly once, whether by data, cancel or close', async () => {
      pair = await established(backend, backend, pki);
      const ops: Overlapped[] = [];
      for (let i = 0; i < 200; i++) {
        const o = { buffer: new Uint8Array(8), operationId: `r${i}` } as Overlapped;
        ops.push(o);
        expect(pair.server.startRecv(pair.port, o)).to.equal(GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV);
      }
      pair.client.startSend(pair.port, { buffer: new Uint8Array(8 * 100), postFlag: true });
      // Cancel every other receive while data is arriving, then close the session with the rest pending.
      for (let i = 0; i < 200; i += 2) pair.server.cancelOperation(`r${i}`);
      await new Promise((r) => setTimeout(r, 50));
      await pair.server.close();
      const seen = new Map<Overlapped, number>();
      for (let c = await pair.port.wait(0); c !== null; c = await pair.port.wait(0)) seen.set(c, (seen.get(c) ?? 0) + 1);
      for (const [i, o] of ops.entries()) expect(seen.get(o), `receive ${i}`).to.equal(1);
      expect(ops.filter((o) => o.errnoValue === Errno.ECANCELED).length).to.be.at.least(100);
    });

    it('rule 3: cancelOperation cancels every pending operation with the id, posts ECANCELED, returns the count', async () => {
      pair = await established(backend, backend, pki);
      const id = pair.server.generateOperationId();
      expect(pair.server.generateOperationId()).to.not.equal(id);
      const a = { buffer: new Uint8Array(4), operationId: id };
      const b = { buffer: new Uint8Array(4), operationId: id };
      const other = { buffer: new Uint8Array(4), operationId: 'other' };
      pair.server.startRecv(pair.port, a);
      pair.server.startRecv(pair.port, b);
      pair.server.startRecv(pair.port, other);
      expect(pair.server.cancelOperation(id)).to.equal(2);
      expect(pair.server.cancelOperation(id)).to.equal(0);
      const c1 = await next(pair.port);
      const c2 = await next(pair.port);
      for (const c of [c1, c2]) {
        expect(c.errnoValue).to.equal(Errno.ECANCELED);
        expect(c.returnValue).to.equal(GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
      }
      expect(pair.server.isOperationPending('other')).to.equal(true);
      expect(pair.server.cancelOperation('other')).to.equal(1);
      await next(pair.port);
    });

    it('rule 3: a pending handshake can be cancelled; the session is left closed', async () => {
      pair = await sessionPair(backend, backend, pki);
      const id = pair.client.generateOperationId();
      // No server side running: the client's handshake stays pending.
      pair.client.startInit(pair.port, { operationId: id });
      expect(pair.client.isOperationPending(id)).to.equal(true);
      expect(pair.client.cancelOperation(id)).to.equal(1);
      const c = await next(pair.port);
      expect(c.operationCompleted).to.equal(OperationKind.StartInit);
      expect(c.errnoValue).to.equal(Errno.ECANCELED);
      expect(pair.client.currentState).to.equal('closed');
      expect(pair.client.startInit(pair.port, {})).to.equal(GskStatus.GSK_IBMI_ERROR_CLOSED);
    });

    it('rule 4: isOperationPending is true exactly while started and not yet posted', async () => {
      pair = await established(backend, backend, pki);
      const o = { buffer: new Uint8Array(3), operationId: 77, fillBuffer: true };
      expect(pair.server.isOperationPending(77)).to.equal(false);
      pair.server.startRecv(pair.port, o);
      expect(pair.server.isOperationPending(77)).to.equal(true);
      pair.client.startSend(pair.port, { buffer: text('abc'), postFlag: true });
      const seen: Overlapped[] = [await next(pair.port), await next(pair.port)];
      expect(seen).to.include(o);
      expect(pair.server.isOperationPending(77)).to.equal(false);
    });

    it('rule 5: concurrent waiters are served first-come by real completions', async () => {
      pair = await sessionPair(backend, backend, pki);
      const w1 = pair.port.wait();
      const w2 = pair.port.wait();
      const w3 = pair.port.wait(50);
      pair.server.startInit(pair.port, { descriptorHandle: 's' });
      pair.client.startInit(pair.port, { descriptorHandle: 'c' });
      const [a, b] = await Promise.all([w1, w2]);
      expect(a).to.not.equal(null);
      expect(b).to.not.equal(null);
      expect(a).to.not.equal(b);
      expect(await w3).to.equal(null);
    });

    it('rule 6: destroy wakes waiters with EDESTROYED, cancels pending operations, refuses later starts', async () => {
      pair = await sessionPair(backend, backend, pki);
      const o = { operationId: 5 } as Overlapped;
      pair.client.startInit(pair.port, o);
      const waiter = pair.port.wait();
      pair.port.destroy();
      const error = await waiter.then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(PortDestroyedError);
      expect((error as PortDestroyedError).errno).to.equal(Errno.EDESTROYED);
      expect(pair.client.isOperationPending(5)).to.equal(false);
      expect(o.errnoValue).to.equal(Errno.EDESTROYED);
      expect(pair.client.currentState).to.equal('closed');
      const refused = {} as Overlapped;
      expect(pair.server.startInit(pair.port, refused)).to.equal(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT);
      expect(refused.error?.message).to.match(/destroyed/);
    });

    it('rule 7: operationWaitTime expiry posts the operation with EAGAIN', async () => {
      pair = await established(backend, backend, pki);
      const o = { buffer: new Uint8Array(4), operationWaitTime: 30 };
      expect(pair.server.startRecv(pair.port, o)).to.equal(GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV);
      const c = await next(pair.port);
      expect(c).to.equal(o);
      expect(c.errnoValue).to.equal(Errno.EAGAIN);
      expect(c.returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_TIMED_OUT);
      expect(pair.server.currentState).to.equal('established');
    });

    it('rule 7: the handshake timeout gives the GSK timed-out status', async () => {
      pair = await sessionPair(backend, backend, pki, { handshakeTimeoutMs: 50 });
      pair.client.startInit(pair.port, {});
      const c = await next(pair.port);
      expect(c.returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_TIMED_OUT);
      expect(c.errnoValue).to.equal(Errno.ETIMEDOUT);
      expect(pair.client.currentState).to.equal('closed');
    });

    it('rule 8: attributes are locked after init; sessions override before startInit only', async () => {
      const env = SecureEnvironment.create(backend);
      env.setAttribute('ca', pki.ca.cert);
      expect(() => env.setAttribute('NOT_AN_ATTRIBUTE' as 'ca', 'x')).to.throw(GskError, /GSK_ATTRIBUTE_INVALID_ID/);
      await env.init();
      const locked = (): void => env.setAttribute('servername', 'x');
      expect(locked).to.throw(GskError).with.property('status', GskStatus.GSK_INVALID_STATE);
      await env.close();
      pair = await sessionPair(backend, backend, pki, { servername: 'wrong.example' });
      pair.client.setAttribute('servername', 'localhost');
      const { client } = await handshake(pair);
      expect(client.returnValue, String(client.error)).to.equal(GskStatus.GSK_OK);
      expect(() => pair!.client.setAttribute('servername', 'x')).to.throw(GskError).with.property('status', GskStatus.GSK_INVALID_STATE);
    });

    it('rule 9: after shutdown sends fail with closed; a 2-step shutdown completes on the peer close_notify', async () => {
      pair = await established(backend, backend, pki);
      const done = pair.client.shutdown({ twoStep: true, timeoutMs: 5000 });
      const refused = { buffer: text('late') } as Overlapped;
      expect(pair.client.startSend(pair.port, refused)).to.equal(GskStatus.GSK_IBMI_ERROR_CLOSED);
      // The server sees end of input, then answers with its own close_notify.
      const c = await receive(pair.server, pair.port);
      expect(c.returnValue).to.equal(GskStatus.GSK_ERROR_SOCKET_CLOSED);
      const serverDone = await pair.server.shutdown();
      expect(serverDone.returnValue).to.equal(GskStatus.GSK_OK);
      const clientDone = await done;
      expect(clientDone.returnValue).to.equal(GskStatus.GSK_OK);
      expect(clientDone.operationCompleted).to.equal(OperationKind.Shutdown);
    });

    it('rule 9: a 2-step shutdown whose peer never answers ends with the timed-out code', async () => {
      pair = await established(backend, backend, pki);
      const c = await pair.client.shutdown({ twoStep: true, timeoutMs: 40 });
      expect(c.returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_TIMED_OUT);
    });

    it('rule 9: the session never closes a socket it did not create', async () => {
      // A peer that reads and never answers.
      const server: Server = createServer((s) => s.on('error', () => undefined).resume());
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const socket: Socket = connect((server.address() as { port: number }).port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      const env = await SecureEnvironment.open(backend, { ca: pki.ca.cert, handshakeTimeoutMs: 30 });
      const port = CompletionPort.create();
      const session = env.openSession(socket);
      session.startInit(port, {});
      expect((await next(port)).returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_TIMED_OUT);
      await session.close();
      expect(socket.destroyed).to.equal(false);
      socket.destroy();
      port.destroy();
      await env.close();
      await new Promise((r) => server.close(r));
    });

    it('reactive: handshake$, send$ and data$ carry the same operations; unsubscribing cancels', async () => {
      pair = await sessionPair(backend, backend, pki);
      const serverDone = firstValueFrom(pair.server.handshake$());
      const negotiated = await firstValueFrom(pair.client.handshake$());
      await serverDone;
      expect(negotiated.version).to.match(/^TLSv1\.[23]$/);
      const received = lastValueFrom(pair.server.data$.pipe(toArray()));
      expect(await firstValueFrom(pair.client.send$(text('ping')))).to.equal(4);
      await pair.client.shutdown();
      const chunks = await received;
      expect(Buffer.concat(chunks).toString()).to.equal('ping');
      const [a] = memoryPipe();
      const lone = pair.clientEnv.openSession(a, {}, { ownsSocket: true });
      const sub = lone.handshake$().subscribe();
      expect(lone.currentState).to.equal('handshaking');
      sub.unsubscribe();
      expect(lone.currentState).to.equal('closed');
    });
  });
}
