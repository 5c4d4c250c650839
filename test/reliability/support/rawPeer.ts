import { createServer, connect, type Server, type Socket } from 'node:net';

/** A scripted TCP peer on 127.0.0.1 (port chosen by the OS): `onConnection` plays the peer's part. */
export async function rawServer(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

export async function rawClient(port: number): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port, noDelay: true });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return socket;
}

export async function stop(s: { server: Server; sockets: Set<Socket> }): Promise<void> {
  for (const socket of s.sockets) socket.destroy();
  await new Promise<void>((resolve) => s.server.close(() => resolve()));
}

/**
 * Forwards every byte between two sockets one byte per TCP segment (Nagle off, one write per byte,
 * each waiting for the previous to be flushed).
 */
export function trickle(from: Socket, to: Socket): void {
  const queue: number[] = [];
  let busy = false;
  let ended = false;
  const pump = (): void => {
    const byte = queue.shift();
    if (byte === undefined || to.destroyed) {
      busy = false;
      if (ended && !to.destroyed) to.end();
      return;
    }
    busy = true;
    to.write(Uint8Array.of(byte), () => setImmediate(pump));
  };
  from.on('data', (chunk: Buffer) => {
    for (const b of chunk) queue.push(b);
    if (!busy) pump();
  });
  // The peer's FIN is passed on once every byte before it has been.
  from.on('end', () => {
    ended = true;
    if (!busy) pump();
  });
}
