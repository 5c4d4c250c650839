import { once } from 'node:events';
import { connect as http2Connect, createServer as h2cServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type BackendChoice, type TlsSocket } from '@tlsport/core';
import { examplePki } from './pki.js';

/**
 * HTTP/2 over tlsport: ALPN picks "h2"; node:http2 runs on the sockets (createConnection on the
 * client, a 'connection' event on the server).
 *
 *   npm run example -- with-http2 [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const backend = (args[0] ?? 'node-tls') as BackendChoice;
  const pki = examplePki();

  const h2 = h2cServer();
  h2.on('stream', (stream, headers) => {
    stream.respond({ ':status': 200, 'content-type': 'text/plain' });
    stream.end(`${String(headers[':path'])} over HTTP/2`);
  });
  const server = createServer({ cert: pki.leaf.chain, key: pki.leaf.key, backend, ALPNProtocols: ['h2'] }, (socket) => {
    console.log(`server: ALPN ${String(socket.alpnProtocol)}`);
    h2.emit('connection', socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  let socket: TlsSocket | undefined;
  const client = http2Connect(`https://127.0.0.1:${port}`, {
    createConnection: () => (socket = connect({ host: '127.0.0.1', port, ca: pki.ca.cert, ALPNProtocols: ['h2'], backend })),
  });
  for (const path of ['/a', '/b']) {
    const request = client.request({ ':path': path });
    // Read from the start: a short response can end its stream before 'response' is handled, and
    // Node 24+ then refuses a late `for await` with ERR_STREAM_PREMATURE_CLOSE.
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    const ended = once(request, 'end');
    const [headers] = (await once(request, 'response')) as [Record<string, unknown>];
    await ended;
    console.log(`${String(headers[':status'])} ${body}`);
  }
  console.log(`client: ALPN ${String(socket?.alpnProtocol)}, ${socket?.getProtocol()}`);
  client.close();
  await once(client, 'close');
  h2.close();
  await new Promise((resolve) => server.close(resolve));
  pki.dispose();
}
