import { createPrivateKey } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { expect } from 'chai';
import { CompletionPort, GskError, GskStatus, SecureEnvironment, type Overlapped, type SecureAttributes } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';
import { BACKENDS } from '../support/backends.js';
import { handshake, next, receive, sessionPair, type Pki } from '../support/sessions.js';

/** The GskError a promise or call fails with. */
async function refusal(attempt: () => unknown): Promise<GskError> {
  try {
    await attempt();
  } catch (error) {
    expect(error).to.be.instanceOf(GskError);
    return error as GskError;
  }
  return expect.fail('expected a GskError');
}

/** A TCP server that counts connections and answers each with `answer` (or nothing). */
async function tcpServer(answer?: string): Promise<{ server: Server; port: number; connections: () => number }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (answer !== undefined) socket.once('data', () => socket.end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = server.close.bind(server);
  server.close = (cb) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  };
  return { server, port: (server.address() as { port: number }).port, connections: () => count };
}

/** What a new user runs into first, tried as one would; each gives one clear answer on every backend. */
describe('what a new user hits', () => {
  let pki: Pki;
  let other: Issued;
  before(() => {
    const ca = TestCa.root();
    pki = { ca, leaf: ca.issue({ dns: ['localhost'], ips: ['127.0.0.1'] }) };
    other = ca.issue();
  });
  after(() => pki.ca.dispose());

  it('env.connect() with a misspelt attribute throws and opens no connection', async () => {
    const tcp = await tcpServer();
    const env = await SecureEnvironment.open(BACKENDS[0]!, { ca: pki.ca.cert });
    try {
      for (let i = 0; i < 3; i++) {
        const misspelt = { rejectUnauthorised: false } as unknown as SecureAttributes;
        expect((await refusal(() => env.connect({ host: '127.0.0.1', port: tcp.port }, misspelt))).status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_ID);
      }
      const mistyped = { rejectUnauthorized: 'false' } as unknown as SecureAttributes;
      expect((await refusal(() => env.connect({ host: '127.0.0.1', port: tcp.port }, mistyped))).message).to.include('rejectUnauthorized');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(tcp.connections()).to.equal(0);
    } finally {
      await env.close();
      tcp.server.close();
    }
  });

  it('attribute values are type-checked, naming the attribute', async () => {
    const env = SecureEnvironment.create(BACKENDS[0]!);
    const error = await refusal(() => env.setAttribute('rejectUnauthorized', 'false' as unknown as boolean));
    expect(error.status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION);
    expect(error.message).to.match(/rejectUnauthorized: expected a boolean, got the string "false"/);
    expect((await refusal(() => env.setAttributes({ handshakeTimeoutMs: '5000' as unknown as number }))).status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    expect(env.getAttribute('rejectUnauthorized')).to.equal(undefined);
  });

  for (const backend of BACKENDS) {
    describe(backend.name, () => {
      it('a key that does not match its certificate is refused at init with GSK_ERROR_NO_PRIVATE_KEY', async () => {
        const error = await refusal(() => SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: other.key }));
        expect(error.status).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
        expect(error.message).to.include('does not match');
      });

      it('an encrypted key: the passphrase attribute opens it; without it or with a wrong one, a clear error at init', async () => {
        const key = createPrivateKey(pki.leaf.key);
        const encrypted = {
          pkcs8: key.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string,
          sec1: key.export({ format: 'pem', type: 'sec1', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string,
        };
        for (const [kind, pem] of Object.entries(encrypted)) {
          const server = { role: 'server' as const, cert: pki.leaf.chain, key: pem };
          const missing = await refusal(() => SecureEnvironment.open(backend, server));
          expect(missing.status, kind).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
          expect(missing.message, kind).to.include('passphrase');
          const wrong = await refusal(() => SecureEnvironment.open(backend, { ...server, passphrase: 'wrong' }));
          expect(wrong.status, kind).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
          const pair = await sessionPair(backend, backend, pki, {}, { key: pem, passphrase: 'correct horse' });
          try {
            const { client, server: s } = await handshake(pair);
            expect([client.returnValue, s.returnValue], kind).to.deep.equal([GskStatus.GSK_OK, GskStatus.GSK_OK]);
          } finally {
            await pair.close();
          }
        }
      });

      it('startRecv on a closed session gives the closed status, as startInit does', async () => {
        const pair = await sessionPair(backend, backend, pki);
        try {
          const { client } = await handshake(pair);
          expect(client.returnValue).to.equal(GskStatus.GSK_OK);
          await pair.client.close();
          expect(pair.client.startInit(pair.port, {})).to.equal(GskStatus.GSK_IBMI_ERROR_CLOSED);
          expect((await receive(pair.client, pair.port)).returnValue).to.equal(GskStatus.GSK_IBMI_ERROR_CLOSED);
          expect(pair.client.startSend(pair.port, { buffer: Buffer.from('x') })).to.equal(GskStatus.GSK_IBMI_ERROR_CLOSED);
        } finally {
          await pair.close();
        }
      });

      it('a server that answers in plain HTTP gives GSK_ERROR_BAD_MESSAGE, naming what it said', async () => {
        const tcp = await tcpServer('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        const env = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost' });
        const port = CompletionPort.create();
        try {
          const session = await env.connect({ host: '127.0.0.1', port: tcp.port });
          const init: Overlapped = {} as Overlapped;
          session.startInit(port, init);
          const done = await next(port);
          expect(done.returnValue, String(done.error)).to.equal(GskStatus.GSK_ERROR_BAD_MESSAGE);
          expect(String(done.error)).to.include('HTTP/1.1 400');
          await session.close();
        } finally {
          port.destroy();
          await env.close();
          tcp.server.close();
        }
      });
    });
  }
});
