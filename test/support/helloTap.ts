import net, { type Server, type Socket } from 'node:net';
import { pollUntil } from '@tlsport/testkit';
import { HRR_RANDOM, keyShareEntries, parseHello } from '../hostile/support/hello13.js';
import { CT, EXT, HS, MessageReader, RecordReader } from '../hostile/support/wire.js';

const hex = (group: number): string => `0x${group.toString(16)}`;

/**
 * One hello as the tap writes it: "CH 0x11ec 0x1d" (a ClientHello and the groups of its key
 * shares, in order), "HRR 0x1d" (a HelloRetryRequest and the group it asks for), "SH 0x11ec"
 * (a ServerHello and the group of its share). RFC 8446 §4.1.2–§4.1.4, §4.2.8.
 */
function describe(type: number, body: Buffer): string | undefined {
  if (type !== HS.clientHello && type !== HS.serverHello) return undefined;
  const hello = parseHello(body, type === HS.clientHello);
  const share = hello.extensions.get(EXT.keyShare);
  if (type === HS.clientHello) return ['CH', ...(share === undefined ? [] : keyShareEntries(share, true).map((e) => hex(e.group)))].join(' ');
  if (hello.random.equals(HRR_RANDOM)) return `HRR ${share === undefined || share.length < 2 ? '-' : hex(share.readUInt16BE(0))}`;
  return `SH ${share === undefined ? '-' : (keyShareEntries(share, false).map((e) => hex(e.group))[0] ?? '-')}`;
}

/** Reads one direction's plaintext handshake records (TLS 1.3: until the first protected one) into `seen`. */
async function watch(socket: Socket, seen: string[]): Promise<void> {
  const reader = new RecordReader(socket);
  const messages = new MessageReader();
  for (;;) {
    const record = await reader.next().catch(() => undefined);
    if (record === undefined || record.type === CT.appData) return;
    if (record.type !== CT.handshake) continue;
    messages.push(record.body);
    for (let m = messages.next(); m !== undefined; m = messages.next()) {
      const line = describe(m.type, m.body);
      if (line !== undefined) seen.push(line);
    }
  }
}

/**
 * A loopback relay in front of a TLS server on `target` that passes every byte through and
 * notes the hellos crossing it, both ways: what a client really puts on the wire (its key
 * shares) and whether the server answered with a HelloRetryRequest.
 */
export class HelloTap {
  /** The hellos seen so far, in the order they crossed (see `describe`). */
  readonly hellos: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(target: number): Promise<HelloTap> {
    const server = net.createServer();
    const tap = new HelloTap(server);
    server.on('connection', (client) => tap.relay(client, net.connect(target, '127.0.0.1')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return tap;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** The hellos once `count` of them have crossed. */
  async seen(count: number, timeoutMs = 10_000): Promise<string[]> {
    await pollUntil(() => this.hellos.length >= count, timeoutMs, () => `the tap saw ${this.hellos.join(', ') || 'no hello'}, not ${count} hellos`);
    return [...this.hellos];
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, upstream: Socket): void {
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => this.sockets.delete(socket));
    }
    client.pipe(upstream);
    upstream.pipe(client);
    void watch(client, this.hellos);
    void watch(upstream, this.hellos);
  }
}
