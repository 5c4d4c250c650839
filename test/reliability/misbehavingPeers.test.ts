import { expect } from 'chai';
import type { Socket } from 'node:net';
import { createServer as tlsCreateServer, type Server as TlsServer, type TLSSocket } from 'node:tls';
import { CompletionPort, GskStatus, SecureEnvironment, gskStatusName, type Overlapped, type SecureAttributes, type SecureSession, type TlsBackend } from '@tlsport/core';
import { BACKENDS } from '../support/backends.js';
import { makePki, next, type Pki } from '../support/sessions.js';
import { rawClient, rawServer, stop, trickle } from './support/rawPeer.js';

/**
 * Misbehaving peers over real loopback TCP, against each backend at session level: the peer is a
 * raw net socket (or Node's tls where the peer must speak TLS first) scripted to close, babble,
 * stall, ignore close_notify, trickle bytes or flood. Each case ends in one clear completion.
 */
describe('misbehaving peers (loopback TCP)', function () {
  this.timeout(30_000);
  let pki: Pki;
  const cleanups: (() => Promise<void> | void)[] = [];
  before(() => (pki = makePki()));
  after(() => pki.ca.dispose());
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  const clientEnv = async (backend: TlsBackend, attrs: SecureAttributes = {}): Promise<SecureEnvironment> => {
    const env = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost', ...attrs });
    cleanups.push(() => env.close());
    return env;
  };
  const serverEnv = async (backend: TlsBackend, attrs: SecureAttributes = {}): Promise<SecureEnvironment> => {
    const env = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key, ...attrs });
    cleanups.push(() => env.close());
    return env;
  };
  const portFor = (): CompletionPort => {
    const port = CompletionPort.create();
    cleanups.push(() => port.destroy());
    return port;
  };
  const track = (session: SecureSession): SecureSession => {
    cleanups.push(() => session.close());
    return session;
  };
  /** Starts a handshake on `session` and returns its completion. */
  const init = async (session: SecureSession, port: CompletionPort, ms = 10_000): Promise<Overlapped> => {
    const o = {} as Overlapped;
    expect(session.startInit(port, o)).to.equal(GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT);
    const c = await next(port, ms);
    expect(c).to.equal(o);
    return c;
  };
  const raw = async (script: (socket: Socket) => void) => {
    const peer = await rawServer(script);
    cleanups.push(() => stop(peer));
    return peer;
  };
  /** A tlsport server session on the next connection to a raw listener. */
  const acceptSession = async (backend: TlsBackend, attrs: SecureAttributes = {}): Promise<{ port: number; session: Promise<SecureSession> }> => {
    const env = await serverEnv(backend, attrs);
    let resolve!: (s: SecureSession) => void;
    const session = new Promise<SecureSession>((r) => (resolve = r));
    const peer = await raw((socket) => resolve(track(env.openSession(socket, {}, { ownsSocket: true }))));
    return { port: peer.port, session };
  };
  const tlsPeer = async (options: Parameters<typeof tlsCreateServer>[0], onSecure: (s: TLSSocket) => void = () => undefined): Promise<number> => {
    const server: TlsServer = tlsCreateServer({ cert: pki.leaf.chain, key: pki.leaf.key, ...options }, onSecure);
    const sockets = new Set<TLSSocket>();
    server.on('secureConnection', (s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    });
    return (server.address() as { port: number }).port;
  };

  for (const backend of BACKENDS) {
    describe(backend.name, () => {
      it('client: the peer closes mid-handshake -> GSK_ERROR_SOCKET_CLOSED', async () => {
        const peer = await raw((socket) => socket.once('data', () => socket.end()));
        const session = track(await (await clientEnv(backend)).connect({ host: '127.0.0.1', port: peer.port }));
        const c = await init(session, portFor());
        expect(gskStatusName(c.returnValue), c.error?.message).to.equal('GSK_ERROR_SOCKET_CLOSED');
      });

      it('server: the peer sends half a ClientHello and closes -> GSK_ERROR_SOCKET_CLOSED', async () => {
        const { port, session } = await acceptSession(backend);
        const socket = await rawClient(port);
        cleanups.push(() => void socket.destroy());
        socket.end(Buffer.from('16030100c8010000c40303', 'hex'));
        const c = await init(await session, portFor());
        expect(gskStatusName(c.returnValue), c.error?.message).to.equal('GSK_ERROR_SOCKET_CLOSED');
      });

      it('client: the peer answers with garbage -> a protocol error, not a hang', async () => {
        const peer = await raw((socket) => socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
        const session = track(await (await clientEnv(backend)).connect({ host: '127.0.0.1', port: peer.port }));
        const c = await init(session, portFor());
        // Backends differ here: OpenSSL (openssl, node-tls) reads "HT" as a record version and
        // reports "wrong version number" (protocol version); pure reports the undecodable record.
        expect(gskStatusName(c.returnValue), c.error?.message).to.be.oneOf(['GSK_ERROR_BAD_MESSAGE', 'GSK_TLSPORT_ERROR_PROTOCOL_VERSION']);
      });

      it('server: the peer sends garbage -> a protocol error', async () => {
        const { port, session } = await acceptSession(backend);
        const socket = await rawClient(port);
        cleanups.push(() => void socket.destroy());
        socket.write(Buffer.from('\x16\x03\x01\x00\x05garbage and more garbage', 'latin1'));
        const c = await init(await session, portFor());
        expect(gskStatusName(c.returnValue), c.error?.message).to.equal('GSK_ERROR_BAD_MESSAGE');
      });

      it('client: the peer stalls -> the handshake timeout fires with GSK_IBMI_ERROR_TIMED_OUT', async () => {
        const peer = await raw(() => undefined);
        const session = track(await (await clientEnv(backend, { handshakeTimeoutMs: 300 })).connect({ host: '127.0.0.1', port: peer.port }));
        const began = Date.now();
        const c = await init(session, portFor());
        expect(gskStatusName(c.returnValue), c.error?.message).to.equal('GSK_IBMI_ERROR_TIMED_OUT');
        expect(Date.now() - began).to.be.within(250, 3000);
      });

      it('server: a client that connects and says nothing -> GSK_IBMI_ERROR_TIMED_OUT', async () => {
        const { port, session } = await acceptSession(backend, { handshakeTimeoutMs: 300 });
        const socket = await rawClient(port);
        cleanups.push(() => void socket.destroy());
        const c = await init(await session, portFor());
        expect(gskStatusName(c.returnValue), c.error?.message).to.equal('GSK_IBMI_ERROR_TIMED_OUT');
      });

      it('the peer never answers close_notify -> the 2-step shutdown ends timed out', async () => {
        // allowHalfOpen: the peer reads our close_notify as end of input and never closes its side.
        const port = await tlsPeer({ allowHalfOpen: true });
        const session = track(await (await clientEnv(backend)).connect({ host: '127.0.0.1', port }));
        expect((await init(session, portFor())).returnValue).to.equal(GskStatus.GSK_OK);
        const began = Date.now();
        const shut = await session.shutdown({ twoStep: true, timeoutMs: 300 });
        expect(gskStatusName(shut.returnValue), shut.error?.message).to.equal('GSK_IBMI_ERROR_TIMED_OUT');
        expect(Date.now() - began).to.be.within(250, 3000);
      });

      it('the peer trickles 1-byte TCP segments both ways -> the handshake still completes', async () => {
        const target = await tlsPeer({}, (s) => s.end('trickled hello'));
        const proxy = await raw((inbound) => {
          void rawClient(target).then((outbound) => {
            cleanups.push(() => void outbound.destroy());
            trickle(inbound, outbound);
            trickle(outbound, inbound);
          });
        });
        const session = track(await (await clientEnv(backend)).connect({ host: '127.0.0.1', port: proxy.port }));
        const port = portFor();
        const c = await init(session, port, 20_000);
        expect(gskStatusName(c.returnValue), c.error?.message).to.equal('GSK_OK');
        const buffer = new Uint8Array(64);
        const r = { buffer, fillBuffer: false } as Overlapped;
        if (session.startRecv(port, r) === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV) await next(port, 10_000);
        expect(gskStatusName(r.returnValue), r.error?.message).to.equal('GSK_OK');
        expect(Buffer.from(buffer.subarray(0, r.secureDataTransferSize)).toString()).to.equal('trickled hello'.slice(0, r.secureDataTransferSize));
        expect(r.secureDataTransferSize).to.be.greaterThan(0);
      });

      it('the peer floods faster than the app reads -> the session pauses the socket; memory stays bounded', async () => {
        const total = 24 << 20;
        let peerSocket: TLSSocket | undefined;
        const port = await tlsPeer({}, (s) => {
          peerSocket = s;
          const chunk = Buffer.alloc(1 << 16, 0x61);
          for (let sent = 0; sent < total; sent += chunk.length) s.write(chunk);
        });
        const session = track(await (await clientEnv(backend)).connect({ host: '127.0.0.1', port }));
        const cport = portFor();
        expect((await init(session, cport)).returnValue).to.equal(GskStatus.GSK_OK);
        // The app does not read for a while: buffering stops near the high-water mark (1 MiB).
        let peak = 0;
        for (let i = 0; i < 20; i++) {
          await new Promise((r) => setTimeout(r, 25));
          peak = Math.max(peak, session.bytesAvailable);
        }
        expect(peak, 'plaintext buffered while the app does not read').to.be.greaterThan(256 << 10).and.at.most((1 << 20) + (1 << 18));
        expect(peerSocket!.writableLength, 'the flood waits in the peer, not in us').to.be.greaterThan(8 << 20);
        // Then the app reads everything; the socket resumes below the low-water mark.
        let received = 0;
        const buffer = new Uint8Array(1 << 20);
        while (received < total) {
          const r = { buffer } as Overlapped;
          const status = session.startRecv(cport, r);
          if (status === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV) await next(cport, 10_000);
          expect(gskStatusName(r.returnValue), r.error?.message).to.equal('GSK_OK');
          received += r.secureDataTransferSize;
          peak = Math.max(peak, session.bytesAvailable);
        }
        expect(received).to.equal(total);
        expect(peak).to.be.at.most((1 << 20) + (1 << 18));
      });
    });
  }
});

