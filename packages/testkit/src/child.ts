import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Where a Child's output can be waited for: one stream, or both interleaved as they arrived. */
export type ChildStream = 'stdout' | 'stderr' | 'output';

export interface ChildOptions {
  /** Working directory; default the test process's own (process.cwd()). */
  cwd?: string;
  /** Environment; default the test process's own. */
  env?: NodeJS.ProcessEnv;
}

const running = new Set<Child>();

/**
 * A child process whose stdout and stderr are collected as text, with helpers to wait for output
 * or exit. Every Child is registered so an `after` hook can kill what a failed test left behind.
 */
export class Child {
  stdout = '';
  stderr = '';
  /** stdout and stderr interleaved in the order they arrived (openssl reports on both). */
  output = '';
  /** Set once the process has exited. */
  exitedWith: number | null | undefined;
  readonly exited: Promise<number | null>;
  private readonly process: ChildProcessWithoutNullStreams;

  constructor(command: string, args: readonly string[], options: ChildOptions = {}) {
    this.process = spawn(command, args, { cwd: options.cwd ?? process.cwd(), env: options.env ?? process.env, stdio: 'pipe' });
    this.process.stdout.setEncoding('utf8').on('data', (s: string) => {
      this.stdout += s;
      this.output += s;
    });
    this.process.stderr.setEncoding('utf8').on('data', (s: string) => {
      this.stderr += s;
      this.output += s;
    });
    this.process.stdin.on('error', () => undefined); // a peer that exited early closes our pipe
    running.add(this);
    this.exited = new Promise((resolve) => {
      this.process.once('close', (code) => {
        running.delete(this);
        this.exitedWith = code;
        resolve(code);
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  write(text: string): void {
    this.process.stdin.write(text);
  }

  end(text?: string): void {
    this.process.stdin.end(text);
  }

  /** Resolves with the first match of `pattern` in the stream; rejects after `ms`, or when the process exits first, with what was seen. */
  async waitFor(pattern: RegExp, stream: ChildStream = 'stdout', ms = 10_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(this[stream]);
      if (match !== null) return match;
      const gone = this.exitedWith !== undefined;
      if (gone || Date.now() > deadline) {
        throw new Error(`no ${pattern} on ${stream} ${gone ? `before exit ${this.exitedWith}` : `within ${ms} ms`}\nstdout: ${this.stdout}\nstderr: ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The exit code; kills the process and rejects if it has not exited within `ms`. */
  async exitCode(ms = 10_000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not exit within ${ms} ms\nstdout: ${this.stdout}\nstderr: ${this.stderr}`)), ms);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } catch (error) {
      await this.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async kill(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    await this.exited;
  }
}

/** Kills every child still running (for `after` hooks). */
export async function killChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.kill()));
}

/** Runs a command to completion with `input` on stdin; returns its exit code and output. */
export async function run(
  command: string,
  args: readonly string[],
  input = '',
  ms = 10_000,
  options: ChildOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = new Child(command, args, options);
  child.end(input);
  const code = await child.exitCode(ms);
  return { code, stdout: child.stdout, stderr: child.stderr };
}
