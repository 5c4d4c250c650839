import { expect } from 'chai';
import { Errno } from '@tlsport/core';
import * as g from '../src/index.js';
import { clientSetup, descriptorPair, environment, expectOk, gskPki, serverSetup, type GskPki } from './helpers/fixture.js';

const text = (io: g.Qso_OverlappedIO_t): string => new TextDecoder().decode(io.buffer!.subarray(0, io.returnValue));
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('Qso: completion ports, plain-socket operations, STARTTLS', function () {
  this.timeout(20_000);
  let port: number;
  let fds: number[];

  beforeEach(() => {
    port = g.QsoCreateIOCompletionPort();
    fds = [];
  });

  afterEach(() => {
    g.QsoDestroyIOCompletionPort(port);
    for (const fd of fds) g.closeSocket(fd);
  });

  async function pair(): Promise<[number, number]> {
    const [a, b, l] = await descriptorPair();
    fds.push(a, b, l);
    return [a, b];
  }

  it('QsoWaitForIOCompletion: -1/EAGAIN on timeout, -1/EINVAL on a bad port, -1/EDESTROYED once destroyed', async () => {
    const io: g.Qso_OverlappedIO_t = {};
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 0, tv_usec: 20_000 })).to.equal(-1);
    expect(g.errno).to.equal(Errno.EAGAIN);
    expect(await g.QsoWaitForIOCompletion(987654, io)).to.equal(-1);
    expect(g.errno).to.equal(Errno.EINVAL);
    const waiting = g.QsoWaitForIOCompletion(port, io);
    expect(g.QsoDestroyIOCompletionPort(port)).to.equal(0);
    expect(await waiting).to.equal(-1);
    expect(g.errno).to.equal(Errno.EDESTROYED);
    expect(g.QsoPostIOCompletion(port, {})).to.equal(-1);
    expect(g.errno).to.equal(Errno.EDESTROYED);
  });

  it('QsoPostIOCompletion posts a copy (QSOPOSTIOCOMPLETION); operationWaitTime delays the post', async () => {
    const io: g.Qso_OverlappedIO_t = {};
    expect(g.QsoPostIOCompletion(port, { descriptorHandle: 'now', returnValue: 7 })).to.equal(0);
    expect(g.QsoPostIOCompletion(port, { descriptorHandle: 'later', operationWaitTime: { tv_sec: 0, tv_usec: 150_000 } })).to.equal(0);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 1 })).to.equal(1);
    expect([io.descriptorHandle, io.returnValue, io.operationCompleted]).to.deep.equal(['now', 7, g.QSOPOSTIOCOMPLETION]);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 0, tv_usec: 50_000 })).to.equal(-1);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 2 })).to.equal(1);
    expect(io.descriptorHandle).to.equal('later');
  });

  it('QsoStartAccept/QsoStartRecv/QsoStartSend on plain sockets: descriptor and byte counts in returnValue', async () => {
    const lsd = await g.listenSocket();
    fds.push(lsd);
    const accept: g.Qso_OverlappedIO_t = { descriptorHandle: 'accept' };
    expect(g.QsoStartAccept(lsd, port, accept)).to.equal(0);
    const csd = await g.connectSocket('127.0.0.1', g.localPort(lsd));
    fds.push(csd);
    const io: g.Qso_OverlappedIO_t = {};
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    expect(io.operationCompleted).to.equal(g.QSOSTARTACCEPT);
    const ssd = io.returnValue!;
    fds.push(ssd);
    expect(ssd).to.be.greaterThan(0);
    const recv: g.Qso_OverlappedIO_t = { descriptorHandle: 'recv', buffer: new Uint8Array(64), fillBuffer: 1, bufferLength: 10 };
    expect(g.QsoStartRecv(ssd, port, recv)).to.equal(0);
    const send: g.Qso_OverlappedIO_t = { buffer: bytes('0123456789') };
    expect(g.QsoStartSend(csd, port, send)).to.equal(1); // finished at once, postFlag 0: nothing posted
    expect(send.returnValue).to.equal(10);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    expect([io.operationCompleted, io.returnValue, text(io)]).to.deep.equal([g.QSOSTARTRECV, 10, '0123456789']);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 0 })).to.equal(-1); // the send was not posted
  });

  it('postFlag: an operation that finishes at once is posted anyway, with postFlagResult 1', async () => {
    const [ssd, csd] = await pair();
    const send: g.Qso_OverlappedIO_t = { buffer: bytes('abc'), postFlag: 1, descriptorHandle: 's' };
    expect(g.QsoStartSend(csd, port, send)).to.equal(0);
    expect(send.postFlagResult).to.equal(1);
    const io: g.Qso_OverlappedIO_t = {};
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    expect([io.descriptorHandle, io.operationCompleted, io.returnValue, io.postFlagResult]).to.deep.equal(['s', g.QSOSTARTSEND, 3, 1]);
    // Let the bytes arrive, then a receive finds them at once.
    await new Promise((r) => setTimeout(r, 50));
    const first: g.Qso_OverlappedIO_t = { buffer: new Uint8Array(1) };
    expect(g.QsoStartRecv(ssd, port, first)).to.equal(0);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    const rest: g.Qso_OverlappedIO_t = { buffer: new Uint8Array(8) };
    expect(g.QsoStartRecv(ssd, port, rest)).to.equal(1);
    expect(text(rest)).to.equal('bc');
  });

  it('operationWaitTime ends a receive with -1/EAGAIN; QsoCancelOperation/QsoIsOperationPending by id', async () => {
    const [ssd] = await pair();
    const timed: g.Qso_OverlappedIO_t = { buffer: new Uint8Array(4), operationWaitTime: { tv_sec: 0, tv_usec: 50_000 }, operationId: 1n };
    expect(g.QsoStartRecv(ssd, port, timed)).to.equal(0);
    const io: g.Qso_OverlappedIO_t = {};
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    expect([io.returnValue, io.errnoValue]).to.deep.equal([-1, Errno.EAGAIN]);
    const id = g.QsoGenerateOperationId(port);
    expect(g.QsoStartRecv(ssd, port, { buffer: new Uint8Array(4), operationId: id })).to.equal(0);
    expect(g.QsoIsOperationPending(ssd, id)).to.equal(1);
    expect(g.QsoCancelOperation(ssd, id)).to.equal(1);
    expect(g.QsoIsOperationPending(ssd, id)).to.equal(0);
    expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    expect([io.returnValue, io.errnoValue]).to.deep.equal([-1, Errno.ECANCELED]);
    expect(g.QsoCancelOperation(99999, id)).to.equal(-1);
    expect(g.errno).to.equal(Errno.EBADF);
  });

  it('a receive sees end of stream as 0 bytes', async () => {
    const [ssd, csd] = await pair();
    g.closeSocket(csd);
    const io: g.Qso_OverlappedIO_t = { buffer: new Uint8Array(4) };
    const r = g.QsoStartRecv(ssd, port, io);
    if (r === 0) expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
    expect(io.returnValue).to.equal(0);
  });

  describe('secure sessions on the same port', () => {
    let pki: GskPki;
    let serverEnv: g.gsk_handle;
    let clientEnv: g.gsk_handle;

    before(async () => {
      pki = gskPki();
      serverEnv = await environment(pki.serverP12, serverSetup);
      clientEnv = await environment(pki.trustP12, clientSetup);
    });

    after(() => pki.dispose());

    function session(env: g.gsk_handle, fd: number): g.gsk_handle {
      const h = g.gskRef<g.gsk_handle>();
      expectOk(g.gsk_secure_soc_open(env, h), 'open');
      expectOk(g.gsk_attribute_set_numeric_value(h.value!, g.GSK_FD, fd), 'fd');
      return h.value!;
    }

    it('STARTTLS: plaintext through QsoStartRecv/Send, then a secure session on the same descriptors, on one port', async () => {
      const [ssd, csd] = await pair();
      // The client says STARTTLS and starts its handshake at once: its ClientHello may arrive with the command.
      expect(g.QsoStartSend(csd, port, { buffer: bytes('STARTTLS\r\n') })).to.equal(1);
      const command: g.Qso_OverlappedIO_t = { buffer: new Uint8Array(10), fillBuffer: 1, descriptorHandle: 'plain' };
      const client = session(clientEnv, csd);
      expect(g.gsk_secure_soc_startInit(client, port, { descriptorHandle: 'client' })).to.equal(g.GSK_OS400_ASYNCHRONOUS_SOC_INIT);
      const io: g.Qso_OverlappedIO_t = {};
      if (g.QsoStartRecv(ssd, port, command) === 0) {
        expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
        expect(io.descriptorHandle).to.equal('plain');
      } else {
        Object.assign(io, command);
      }
      expect(text(io)).to.equal('STARTTLS\r\n');
      const server = session(serverEnv, ssd);
      expect(g.gsk_secure_soc_startInit(server, port, { descriptorHandle: 'server' })).to.equal(g.GSK_OS400_ASYNCHRONOUS_SOC_INIT);
      const done = new Map<unknown, number>();
      for (let i = 0; i < 2; i++) {
        expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 10 })).to.equal(1);
        expect(io.operationCompleted).to.equal(g.GSKSECURESOCSTARTINIT);
        done.set(io.descriptorHandle, io.returnValue!);
      }
      expect(Object.fromEntries(done)).to.deep.equal({ client: g.GSK_OK, server: g.GSK_OK });
      expect(g.QsoStartRecv(ssd, port, { buffer: new Uint8Array(4) })).to.equal(-1); // the descriptor is secure now
      const recv: g.Qso_OverlappedIO_t = { buffer: new Uint8Array(16), descriptorHandle: 'secure' };
      expect(g.gsk_secure_soc_startRecv(server, port, recv)).to.equal(g.GSK_OS400_ASYNCHRONOUS_RECV);
      const sent = g.gskRef<number>();
      expect(await g.gsk_secure_soc_write(client, bytes('secret'), 6, sent)).to.equal(g.GSK_OK);
      expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
      expect([io.operationCompleted, io.returnValue, io.secureDataTransferSize]).to.deep.equal([g.GSKSECURESOCSTARTRECV, g.GSK_OK, 6]);
      await g.gsk_secure_soc_close(g.gskRef(client));
      await g.gsk_secure_soc_close(g.gskRef(server));
    });

    it("cancel during a handshake: tlsport's default ends it with ECANCELED; the 'ibm' compatibility option leaves it running", async () => {
      for (const mode of ['tlsport', 'ibm'] as const) {
        g.gskCompatibility({ cancelDuringHandshake: mode });
        try {
          const [, csd] = await pair();
          const client = session(clientEnv, csd);
          const id = g.QsoGenerateOperationId();
          expect(g.gsk_secure_soc_startInit(client, port, { operationId: id })).to.equal(g.GSK_OS400_ASYNCHRONOUS_SOC_INIT);
          expect(g.QsoIsOperationPending(csd, id)).to.equal(1);
          expect(g.QsoCancelOperation(csd, id)).to.equal(mode === 'tlsport' ? 1 : 0);
          expect(g.QsoIsOperationPending(csd, id)).to.equal(mode === 'tlsport' ? 0 : 1);
          if (mode === 'tlsport') {
            const io: g.Qso_OverlappedIO_t = {};
            expect(await g.QsoWaitForIOCompletion(port, io, { tv_sec: 5 })).to.equal(1);
            expect([io.operationCompleted, io.returnValue, io.errnoValue]).to.deep.equal([g.GSKSECURESOCSTARTINIT, g.GSK_TLSPORT_ERROR_CANCELLED, Errno.ECANCELED]);
          }
          await g.gsk_secure_soc_close(g.gskRef(client));
        } finally {
          g.gskCompatibility({ cancelDuringHandshake: 'tlsport' });
        }
      }
    });

    it('a completion port that does not exist is refused by the secure starts', () => {
      const h = g.gskRef<g.gsk_handle>();
      expectOk(g.gsk_secure_soc_open(clientEnv, h), 'open');
      expect(g.gsk_secure_soc_startInit(h.value!, 424242, {})).to.equal(g.GSK_OS400_ERROR_INVALID_IOCOMPLETIONPORT);
      expect(g.gsk_secure_soc_startRecv(h.value!, port, {})).to.equal(g.GSK_INVALID_STATE);
    });
  });
});
