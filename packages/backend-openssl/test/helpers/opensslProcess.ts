import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const running = new Set<OpensslProcess>();

/** An `openssl` CLI peer (s_server / s_client) with its output collected. */
export class OpensslProcess {
  output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: readonly string[]) {
    this.child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(this);
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
    };
    this.child.stdout.on('data', collect);
    this.child.stderr.on('data', collect);
    this.child.stdin.on('error', () => {});  // the peer may exit before reading stdin
    this.exited = new Promise((resolve) => this.child.on('close', (code) => {
      running.delete(this);
      resolve(code);
    }));
  }

  /** Resolves with the first match of `pattern` in the output so far or to come. */
  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match !== null) return match;
      if (Date.now() > deadline) throw new Error(`openssl: no ${pattern} in output:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  write(text: string): void {
    this.child.stdin.write(text);
  }

  endInput(): void {
    this.child.stdin.end();
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** Kills every openssl process still running (for after hooks). */
  static async killAll(): Promise<void> {
    const all = [...running];
    for (const p of all) p.kill();
    await Promise.all(all.map((p) => p.exited));
  }
}

/** `openssl s_server` on 127.0.0.1 with an OS-chosen port, echoing each line reversed (-rev). */
export async function sServer(args: readonly string[]): Promise<{ server: OpensslProcess; port: number }> {
  const server = new OpensslProcess(['s_server', '-accept', '127.0.0.1:0', '-rev', ...args]);
  const [, port] = await server.waitFor(/ACCEPT 127\.0\.0\.1:(\d+)/);
  return { server, port: Number(port) };
}
