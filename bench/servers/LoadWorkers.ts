import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoadCommand } from '../loadClient.js';

const LOAD_CLIENT = fileURLToPath(new URL('../loadClient.js', import.meta.url));

export interface LoadReport {
  done: number;
  errors: number;
  /** From the command until the last connection finished (the slowest worker's). */
  ms: number;
  /** CPU time the load processes spent on it, all together. */
  cpuMs: number;
}

interface Worker {
  child: ChildProcess;
  lines: AsyncIterator<string>;
}

/** `nice -n 19`: the load generators only get CPU the server under test leaves over. */
const LOWEST_PRIORITY = 19;

/**
 * Load-generator processes (bench/dist/loadClient.js), started once and aimed at one server per
 * command; the connections of a command are split between them and their reports summed. They run
 * at the lowest priority so that on a small machine the server, not its load, gets the cores.
 */
export class LoadWorkers {
  private constructor(private readonly workers: Worker[]) {}

  static async spawn(processes: number): Promise<LoadWorkers> {
    const workers = Array.from({ length: processes }, () => {
      const child = spawn(process.execPath, [LOAD_CLIENT], { stdio: ['pipe', 'pipe', 'inherit'] });
      if (child.pid !== undefined) setPriority(child.pid, LOWEST_PRIORITY);
      return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
    });
    const pool = new LoadWorkers(workers);
    await pool.replies(workers); // each says it is ready
    return pool;
  }

  /** Runs one command (k connections in all) and sums what the workers report. */
  async run(command: LoadCommand): Promise<LoadReport> {
    const busy = this.workers.slice(0, Math.min(this.workers.length, command.connections));
    busy.forEach((w, i) => {
      const share = Math.floor(command.connections / busy.length) + (i < command.connections % busy.length ? 1 : 0);
      w.child.stdin!.write(`${JSON.stringify({ ...command, connections: share })}\n`);
    });
    const reports = (await this.replies(busy)) as LoadReport[];
    return {
      done: reports.reduce((n, r) => n + r.done, 0),
      errors: reports.reduce((n, r) => n + r.errors, 0),
      ms: Math.max(...reports.map((r) => r.ms)),
      cpuMs: reports.reduce((n, r) => n + r.cpuMs, 0),
    };
  }

  close(): void {
    for (const w of this.workers) {
      w.child.stdin!.end();
      if (w.child.exitCode === null) w.child.kill();
    }
  }

  private async replies(workers: Worker[]): Promise<unknown[]> {
    return Promise.all(
      workers.map(async (w) => {
        const line = await w.lines.next();
        if (line.done === true) throw new Error(`load client ${w.child.pid} exited early (code ${w.child.exitCode})`);
        return JSON.parse(line.value) as unknown;
      }),
    );
  }
}
