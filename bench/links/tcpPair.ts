import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** Two ends of one loopback TCP connection (Nagle off on both). */
export async function tcpPair(): Promise<[Socket, Socket]> {
  const server = createServer({ noDelay: true });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[Socket]>;
  const client = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, noDelay: true });
  await once(client, 'connect');
  const [serverEnd] = await accepted;
  server.close();
  return [client, serverEnd];
}
