import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';

/**
 * Socket descriptors: the ints a C program passes around (GSK_FD, QsoStartRecv's first argument),
 * each naming a Node socket or listening server. Descriptors are never reused within a process.
 */
const table = new Map<number, Socket | Server>();
let next = 3;

function register(s: Socket | Server): number {
  const sd = next++;
  table.set(sd, s);
  return sd;
}

export function socketOf(sd: number): Socket | undefined {
  const s = table.get(sd);
  return s !== undefined && !('listen' in s) ? s : undefined;
}

export function serverOf(sd: number): Server | undefined {
  const s = table.get(sd);
  return s !== undefined && 'listen' in s ? s : undefined;
}

/** @internal Registers a connection accepted by QsoStartAccept. */
export function registerSocket(socket: Socket): number {
  socket.setNoDelay(true);
  return register(socket);
}

/** socket() + bind() + listen(): a listening descriptor on host:port (port 0: the OS picks; see `localPort`). */
export function listenSocket(host = '127.0.0.1', port = 0, backlog = 511): Promise<number> {
  const server = createServer({ noDelay: true, pauseOnConnect: true });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, backlog }, () => {
      server.off('error', reject);
      resolve(register(server));
    });
  });
}

/** socket() + connect(): a connected descriptor. Rejects with the connect error. */
export function connectSocket(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ host, port, noDelay: true });
    s.once('connect', () => {
      s.off('error', reject);
      s.pause();
      resolve(register(s));
    });
    s.once('error', reject);
  });
}

/** getsockname(): the local port of a descriptor (0 when unknown). */
export function localPort(sd: number): number {
  const s = table.get(sd);
  const address = s === undefined ? null : 'listen' in s ? s.address() : { port: s.localPort ?? 0 };
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** close(): ends and releases a descriptor. Returns 0, or -1 when it is not open. */
export function closeSocket(sd: number): number {
  const s = table.get(sd);
  if (s === undefined) return -1;
  table.delete(sd);
  if ('listen' in s) s.close();
  else {
    s.on('error', () => undefined);
    s.end();
    s.destroySoon();
  }
  return 0;
}
