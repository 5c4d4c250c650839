import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type TLSSocket } from 'node:tls';
import { Child } from './child.js';

/** One `tlsport s_server` of a fleet, in a working and a temp directory of its own (scanned for key bytes afterwards). */
export interface FleetServer {
  readonly child: Child;
  readonly port: number;
  readonly cwd: string;
  readonly tmp: string;
}

/**
 * `count` tlsport s_server processes on one backend, each started with `args` (a -ticket_store,
 * a rotation) and answering with -rev, so a client knows a ticket has arrived once its answer has.
 */
export class Fleet {
  private constructor(readonly servers: readonly FleetServer[]) {}

  /** `bin`: the tlsport CLI entry point (packages/cli/dist/src/bin.js), run with this node. */
  static async start(bin: string, count: number, backend: string, args: readonly string[]): Promise<Fleet> {
    const servers = await Promise.all(
      Array.from({ length: count }, async (): Promise<FleetServer> => {
        const cwd = mkdtempSync(join(tmpdir(), 'tlsport-fleet-cwd-'));
        const tmp = mkdtempSync(join(tmpdir(), 'tlsport-fleet-tmp-'));
        const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
        const child = new Child(process.execPath, [bin, 's_server', '-accept', '127.0.0.1:0', '-rev', '-quiet', '-backend', backend, ...args], { cwd, env });
        const accept = await child.waitFor(/^ACCEPT \S+:(\d+)$/m, 'stdout', 90_000);
        return { child, port: Number(accept[1]), cwd, tmp };
      }),
    );
    return new Fleet(servers);
  }

  /** What the servers said on stderr (outages, failed connections). */
  get logs(): string {
    return this.servers.map((s) => s.child.stderr).join('');
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.child.kill()));
    for (const s of this.servers) {
      rmSync(s.cwd, { recursive: true, force: true });
      rmSync(s.tmp, { recursive: true, force: true });
    }
  }
}

export interface Connection {
  readonly resumed: boolean;
  /** The newest session the client got (a ticket, or the session id of TLS 1.2), to resume the next time. */
  readonly session: Buffer | undefined;
}

/** One node:tls client connection to `port`: handshake (resuming `session` if given), one -rev round trip, close. */
export async function connectOnce(port: number, ca: string, version: 'TLSv1.3' | 'TLSv1.2', session: Buffer | undefined): Promise<Connection> {
  const socket: TLSSocket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost', minVersion: version, maxVersion: version, ...(session === undefined ? {} : { session }) });
  let latest: Buffer | undefined;
  socket.on('session', (s: Buffer) => {
    latest = s;
  });
  try {
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    const resumed = socket.isSessionReused();
    socket.write('ping\n');
    await new Promise<void>((resolve, reject) => {
      let got = '';
      socket.on('data', (d: Buffer) => {
        got += d.toString();
        if (got.includes('gnip')) resolve();
      });
      socket.once('error', reject).once('close', () => reject(new Error(`closed before the answer (got ${JSON.stringify(got)})`)));
    });
    return { resumed, session: latest ?? session };
  } finally {
    socket.destroy();
  }
}

/** Chooses a server other than `not`, at random. */
export function otherServer(count: number, not: number): number {
  const pick = Math.floor(Math.random() * (count - 1));
  return pick >= not ? pick + 1 : pick;
}
