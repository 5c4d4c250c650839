import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child } from './child.js';

/** A loopback TCP port the OS just had free (redis-server cannot pick one itself: port 0 turns TCP off). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A throwaway `redis-server` on a free loopback port: in the foreground (no daemon), with no
 * persistence at all (`--save ''`, `--appendonly no`) and its working directory in a fresh temp
 * directory removed by `stop`.
 */
export class RedisServer {
  private constructor(
    readonly child: Child,
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisServer> {
    const dir = mkdtempSync(join(tmpdir(), 'tlsport-redis-'));
    const port = await freePort();
    const child = new Child('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'no', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'notice'], { cwd: dir });
    const server = new RedisServer(child, port, dir);
    try {
      await child.waitFor(/Ready to accept connections/, 'stdout', 10_000);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Kills the server (what a crash or an outage looks like to clients) and removes its directory. */
  async stop(): Promise<void> {
    await this.child.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
