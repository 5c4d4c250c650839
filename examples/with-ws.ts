import { once } from 'node:events';
import { createServer as httpServer } from 'node:http';
import type { AddressInfo, connect as netConnect } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { connect, createServer, type BackendChoice, type ConnectOptions } from '@tlsport/core';
import { examplePki } from './pki.js';

/**
 * WebSockets (ws) over tlsport, both ends: the server upgrades on tlsport sockets, the client
 * opens its wss:// connection with tlsport's connect as createConnection.
 *
 *   npm run example -- with-ws [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const backend = (args[0] ?? 'node-tls') as BackendChoice;
  const pki = examplePki();

  const app = httpServer();
  const wss = new WebSocketServer({ server: app });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(`echo: ${String(data)}`)));
  const server = createServer({ cert: pki.leaf.chain, key: pki.leaf.key, backend }, (socket) => app.emit('connection', socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  // ws types createConnection as net's; what it needs at run time is the Duplex a TlsSocket is.
  const createConnection = ((options: ConnectOptions) => connect({ ...options, ca: pki.ca.cert, backend })) as unknown as typeof netConnect;
  const ws = new WebSocket(`wss://127.0.0.1:${port}/`, { createConnection });
  await once(ws, 'open');
  ws.send('hello over tlsport');
  const [reply] = (await once(ws, 'message')) as [Buffer];
  console.log(String(reply));
  ws.close();
  await once(ws, 'close');
  wss.close();
  await new Promise((resolve) => server.close(resolve));
  pki.dispose();
}
