import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const running = new Set<OpensslPeer>();

/**
 * A real `openssl s_server` / `s_client` process for interop tests: stdout and stderr are
 * collected so tests can wait for a line; every peer is killed by `killOpensslPeers()`.
 */
export class OpensslPeer {
  output = '';
  readonly exited: Promise<number | null>;
  private readonly proc: ChildProcessWithoutNullStreams;

  private constructor(args: string[]) {
    this.proc = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(this);
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString('latin1');
    };
    this.proc.stdout.on('data', collect);
    this.proc.stderr.on('data', collect);
    this.proc.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => this.proc.on('close', (code) => {
      running.delete(this);
      resolve(code);
    }));
  }

  /** `openssl s_server` on 127.0.0.1 with an OS-chosen port; resolves once it accepts. A later `-naccept` wins. */
  static async server(args: string[]): Promise<{ peer: OpensslPeer; port: number }> {
    const peer = new OpensslPeer(['s_server', '-accept', '127.0.0.1:0', '-naccept', '1', ...args]);
    const match = await peer.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/);
    return { peer, port: Number(match[1]) };
  }

  static client(port: number, args: string[]): OpensslPeer {
    return new OpensslPeer(['s_client', '-connect', `127.0.0.1:${port}`, ...args]);
  }

  /** Resolves with the first match of `pattern` in the output so far or to come. */
  async waitFor(pattern: RegExp, timeoutMs = 5000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match !== null) return match;
      if (Date.now() > deadline) throw new Error(`openssl: timed out waiting for ${pattern}; output:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  write(text: string): void {
    this.proc.stdin.write(text);
  }

  endInput(): void {
    this.proc.stdin.end();
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}

/** Kills every openssl process these helpers started and waits for them to go. */
export async function killOpensslPeers(): Promise<void> {
  const peers = [...running];
  for (const p of peers) p.kill();
  await Promise.all(peers.map((p) => p.exited));
}
