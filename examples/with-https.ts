import { once } from 'node:events';
import { createServer as httpServer } from 'node:http';
import { get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Agent, createServer, type BackendChoice, type TlsSocket } from '@tlsport/core';
import { examplePki } from './pki.js';

/**
 * https over tlsport, both ends: node:http serves on tlsport sockets, an https.Agent with
 * keep-alive connects through tlsport. Three requests, one TLS connection.
 *
 *   npm run example -- with-https [backend]
 */
export async function main(args: readonly string[]): Promise<void> {
  const backend = (args[0] ?? 'node-tls') as BackendChoice;
  const pki = examplePki();

  // Server: tlsport does TLS, node:http does HTTP on the sockets it hands over.
  const app = httpServer((req, res) => {
    const socket = req.socket as unknown as TlsSocket; // typed as net.Socket by node:http
    res.end(`${req.url} over ${socket.getProtocol()} ${socket.getCipher()?.standardName}`);
  });
  const server = createServer({ cert: pki.leaf.chain, key: pki.leaf.key, backend }, (socket) => app.emit('connection', socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  // An https.Agent whose connections are tlsport sockets.
  const agent = new Agent({ backend, keepAlive: true, ca: pki.ca.cert });
  const connections = new Set<unknown>();
  for (const path of ['/one', '/two', '/three']) {
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => get(`https://127.0.0.1:${port}${path}`, { agent }, resolve).on('error', reject));
    connections.add(res.socket);
    let body = '';
    for await (const chunk of res) body += String(chunk);
    console.log(`${res.statusCode} ${body}`);
  }
  console.log(`${backend}: 3 requests over ${connections.size} TLS connection(s)`);

  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  pki.dispose();
}
