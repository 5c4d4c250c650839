import { once } from 'node:events';
import { createServer as httpServer, type ClientRequestArgs, type IncomingMessage, type RequestOptions } from 'node:http';
import { connect as http2Connect, createServer as h2cServer, type ClientHttp2Session } from 'node:http2';
import { createServer as httpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import { expect } from 'chai';
import { Agent as UndiciAgent, fetch } from 'undici';
import { WebSocket, WebSocketServer } from 'ws';
import { Agent, connect, type ConnectOptions, type TlsSocket } from '@tlsport/core';
import { BACKEND_NAMES, usePki, listen } from './support/fixture.js';
import { BIG, BIG_SHA256, hashStream, sha256, testApp } from './support/httpApp.js';

/** One request; resolves with the response (body unread). */
function request(options: RequestOptions & { ca?: string }, body?: Uint8Array): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', ...options } as RequestOptions, resolve).on('error', reject);
    req.end(body);
  });
}

async function text(res: AsyncIterable<Uint8Array>): Promise<string> {
  let out = '';
  for await (const chunk of res) out += Buffer.from(chunk).toString();
  return out;
}

/** The 8 MiB checks over https: up with POST /sha256, down with GET /big. */
async function bigBothWays(send: (method: string, path: string, body?: Uint8Array) => Promise<IncomingMessage>): Promise<void> {
  expect(await text(await send('POST', '/sha256', BIG))).to.equal(BIG_SHA256);
  expect(await hashStream(await send('GET', '/big'))).to.deep.equal({ sha256: BIG_SHA256, length: BIG.length });
}

async function close(server: Server): Promise<void> {
  (server as Server & { closeAllConnections?(): void }).closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * Real libraries over TlsSocket on every backend, over loopback: https (request and a keep-alive
 * Agent), http2 with ALPN h2, undici fetch, ws; tlsport on both ends and against node:tls on the
 * other. 8 MiB go each way, checked by SHA-256.
 */
describe('faces: https, http2, undici fetch and ws over tlsport', function () {
  this.timeout(60_000);
  const pki = usePki();

  for (const backend of BACKEND_NAMES) {
    describe(backend, () => {
      const client = (): ConnectOptions => ({ ca: pki().ca.cert, backend });

      it('https.request with createConnection and an https.Agent with keep-alive, against node:http on a tlsport server', async () => {
        const app = testApp();
        const http = httpServer(app.handler);
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => http.emit('connection', s));
        // No agent: each request opens its own connection through createConnection.
        const createConnection = (options: ClientRequestArgs): TlsSocket => connect({ ...(options as ConnectOptions), ...client() });
        await bigBothWays((method, path, body) => request({ port: srv.port, method, path, createConnection }, body));
        expect(app.connections()).to.equal(2);
        // Keep-alive: several requests, one TLS connection.
        const agent = new Agent({ backend, keepAlive: true, maxSockets: 1, ca: pki().ca.cert });
        const served = [];
        for (let i = 0; i < 4; i++) served.push(await text(await request({ port: srv.port, path: '/connection', agent })));
        await bigBothWays((method, path, body) => request({ port: srv.port, method, path, agent }, body));
        served.push(await text(await request({ port: srv.port, path: '/connection', agent })));
        expect(new Set(served).size).to.equal(1);
        expect(app.connections()).to.equal(3);
        agent.destroy();
        await srv.close();
        await close(http);
      });

      it('node:https client -> tlsport server, and tlsport client -> node:https server', async () => {
        const app = testApp();
        const http = httpServer(app.handler);
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => http.emit('connection', s));
        await bigBothWays((method, path, body) => request({ port: srv.port, method, path, ca: pki().ca.cert, agent: false }, body));
        await srv.close();
        await close(http);

        const nodeServer = httpsServer({ cert: pki().leaf.chain, key: pki().leaf.key }, app.handler);
        nodeServer.listen(0, '127.0.0.1');
        await once(nodeServer, 'listening');
        const agent = new Agent({ backend, keepAlive: true, ca: pki().ca.cert });
        await bigBothWays((method, path, body) => request({ port: (nodeServer.address() as AddressInfo).port, method, path, agent }, body));
        agent.destroy();
        await close(nodeServer);
      });

      it('http2 with ALPN h2: node:http2 on tlsport sockets at both ends', async () => {
        const app = testApp();
        const h2 = h2cServer(app.handler);
        let serverAlpn: string | false | null = null;
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend, ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
          serverAlpn = s.alpnProtocol;
          h2.emit('connection', s);
        });
        let socket: TlsSocket | undefined;
        const session: ClientHttp2Session = http2Connect(`https://127.0.0.1:${srv.port}`, {
          createConnection: () => (socket = connect({ host: '127.0.0.1', port: srv.port, ALPNProtocols: ['h2'], ...client() })),
        });
        const stream = async (method: string, path: string, body?: Uint8Array): Promise<AsyncIterable<Uint8Array>> => {
          const req = session.request({ ':method': method, ':path': path });
          req.end(body);
          await once(req, 'response');
          return req;
        };
        expect(await text(await stream('POST', '/sha256', BIG))).to.equal(BIG_SHA256);
        expect(await hashStream(await stream('GET', '/big'))).to.deep.equal({ sha256: BIG_SHA256, length: BIG.length });
        expect(await text(await stream('GET', '/connection'))).to.equal('1');
        expect(socket!.alpnProtocol).to.equal('h2');
        expect(serverAlpn).to.equal('h2');
        session.close();
        await once(session, 'close');
        h2.close();
        await srv.close();
      });

      it('undici fetch through an Agent whose connect opens tlsport sockets', async () => {
        const app = testApp();
        const http = httpServer(app.handler);
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => http.emit('connection', s));
        const dispatcher = new UndiciAgent({
          connect: (options, callback) => {
            const socket = connect({ host: options.hostname, port: Number(options.port), servername: options.servername ?? undefined, ...client() });
            socket.once('secureConnect', () => callback(null, socket as never)).once('error', (error) => callback(error, null));
          },
        });
        const url = `https://127.0.0.1:${srv.port}`;
        expect(await (await fetch(`${url}/sha256`, { method: 'POST', body: BIG, dispatcher })).text()).to.equal(BIG_SHA256);
        const down = await fetch(`${url}/big`, { dispatcher });
        expect(await hashStream(down.body!)).to.deep.equal({ sha256: BIG_SHA256, length: BIG.length });
        expect(await (await fetch(`${url}/connection`, { dispatcher })).text()).to.equal('1');
        await dispatcher.close();
        await srv.close();
        await close(http);
      });

      it('ws client and server: 8 MiB messages each way', async () => {
        const http = httpServer();
        const wss = new WebSocketServer({ server: http, maxPayload: 16 * 1024 * 1024 });
        wss.on('connection', (ws) => ws.on('message', (data: Buffer) => {
          ws.send(sha256(data));
          ws.send(BIG);
        }));
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => http.emit('connection', s));
        const createConnection = ((options: ConnectOptions) => connect({ ...options, ...client() })) as never;
        const ws = new WebSocket(`wss://127.0.0.1:${srv.port}/`, { createConnection, maxPayload: 16 * 1024 * 1024 });
        const messages: Buffer[] = [];
        ws.on('message', (data: Buffer) => messages.push(data));
        await once(ws, 'open');
        ws.send(BIG);
        while (messages.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(messages[0]!.toString()).to.equal(BIG_SHA256);
        expect(sha256(messages[1]!)).to.equal(BIG_SHA256);
        ws.close();
        await once(ws, 'close');
        wss.close();
        await srv.close();
        await close(http);
      });

      it('a response nobody reads does not grow memory: the server is held back, then all of it arrives', async () => {
        const total = 64 * 1024 * 1024;
        let accepted = 0;
        const http = httpServer((_req, res) => {
          const block = Buffer.alloc(1024 * 1024, 1);
          const pump = (): void => {
            while (accepted < total) {
              accepted += block.length;
              if (!res.write(block)) return void res.once('drain', pump);
            }
            res.end();
          };
          pump();
        });
        const srv = await listen({ cert: pki().leaf.chain, key: pki().leaf.key, backend }, (s) => http.emit('connection', s));
        const res = await request({ port: srv.port, path: '/', createConnection: (o) => connect({ ...(o as ConnectOptions), ...client() }) });
        res.pause();
        const heapBefore = process.memoryUsage();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const heapAfter = process.memoryUsage();
        expect(accepted).to.be.below(24 * 1024 * 1024);
        expect(heapAfter.arrayBuffers - heapBefore.arrayBuffers).to.be.below(24 * 1024 * 1024);
        expect((await hashStream(res)).length).to.equal(total);
        await srv.close();
        await close(http);
      });
    });
  }
});
