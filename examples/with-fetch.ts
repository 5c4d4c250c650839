import { once } from 'node:events';
import { createServer as httpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, fetch } from 'undici';
import { connect, createServer, type BackendChoice, type TlsSocket } from '@tlsport/core';
import { examplePki } from './pki.js';

/**
 * fetch() over tlsport: an undici Agent whose `connect` opens tlsport sockets.
 *
 *   npm run example -- with-fetch [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const backend = (args[0] ?? 'node-tls') as BackendChoice;
  const pki = examplePki();

  const app = httpServer((req, res) => res.end(`fetched ${req.url} over ${(req.socket as unknown as TlsSocket).getProtocol()}`));
  const server = createServer({ cert: pki.leaf.chain, key: pki.leaf.key, backend }, (socket) => app.emit('connection', socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const dispatcher = new Agent({
    connect: (options, callback) => {
      const socket = connect({ host: options.hostname, port: Number(options.port), servername: options.servername ?? undefined, ca: pki.ca.cert, backend });
      socket.once('secureConnect', () => callback(null, socket as never)).once('error', (error) => callback(error, null));
    },
  });
  const response = await fetch(`https://127.0.0.1:${port}/hello`, { dispatcher });
  console.log(`${response.status} ${await response.text()}`);

  await dispatcher.close();
  await new Promise((resolve) => server.close(resolve));
  pki.dispose();
}
