import { opensslServer, type OpensslServer } from '@tlsport/testkit';

/** The trace is read while the connection runs. */
const LINES = { lineBuffered: true };

/**
 * The `openssl s_server` processes of a parity run. Servers are shared by their arguments (one
 * connection at a time, so scenarios using one run one after another); an exclusive server is
 * started for a single connection (stopped or single-use servers) and killed with it.
 */
export class OpensslServers {
  private readonly shared = new Map<string, Promise<OpensslServer>>();

  get(args: readonly string[], exclusive: boolean): Promise<OpensslServer> {
    if (exclusive) return opensslServer(args, LINES);
    const key = args.join('\0');
    let server = this.shared.get(key);
    if (server === undefined) {
      server = opensslServer(args, LINES);
      this.shared.set(key, server);
    }
    return server;
  }

  async dispose(): Promise<void> {
    const servers = await Promise.allSettled(this.shared.values());
    this.shared.clear();
    await Promise.all(servers.map((s) => (s.status === 'fulfilled' ? s.value.child.kill() : undefined)));
  }
}
