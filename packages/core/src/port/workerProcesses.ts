import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';

/** Where a listener runs: here, or in worker processes that share its port. */
export interface ListenOptions {
  host?: string;
  /** 0 (the default): the OS picks one; every worker gets the same port. */
  port?: number;
  backlog?: number;
  /**
   * Serve from this many processes, one per core (node:cluster): the program is started again in
   * each worker, where the same `Listener.listen` call listens on the shared port and its own
   * completion port takes the connections. The primary's listener accepts nothing itself.
   * Default 1: this process listens.
   */
  workers?: number;
  /** The program the workers run (default: this process's main module, with its arguments). */
  workerModule?: string;
  /** Arguments for `workerModule` (default: this process's). */
  workerArgs?: readonly string[];
}

/** How long the workers may take to start listening. */
const START_TIMEOUT_MS = 30_000;

/** Worker processes serving one listen address (node:cluster shares the port among them). */
export class WorkerProcesses {
  private readonly exits: Promise<void>[];

  private constructor(
    readonly workers: readonly Worker[],
    readonly address: AddressInfo,
  ) {
    this.exits = workers.map((w) => (w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once('exit', () => resolve()))));
  }

  /** Forks `count` workers and resolves once each listens (the address is theirs). */
  static async fork(count: number, options: ListenOptions): Promise<WorkerProcesses> {
    if (!cluster.isPrimary) throw new Error('listen({ workers }) from a worker process');
    cluster.setupPrimary({
      ...(options.workerModule === undefined ? {} : { exec: options.workerModule }),
      ...(options.workerArgs === undefined ? {} : { args: [...options.workerArgs] }),
    });
    const workers = Array.from({ length: count }, () => cluster.fork());
    try {
      const addresses = await Promise.all(workers.map(listening));
      return new WorkerProcesses(workers, addresses[0]!);
    } catch (error) {
      for (const w of workers) w.kill();
      throw error;
    }
  }

  /** Asks each worker to finish (it stops listening and exits once its connections close); resolves when all have exited. */
  async close(): Promise<void> {
    for (const w of this.workers) if (!w.isDead()) w.disconnect();
    await Promise.all(this.exits);
  }
}

function listening(worker: Worker): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`worker ${worker.process.pid} did not listen within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onExit = (code: number | null): void => fail(new Error(`worker ${worker.process.pid} exited (${String(code)}) before it listened`));
    const done = (): void => {
      clearTimeout(timer);
      worker.off('exit', onExit);
    };
    const fail = (error: Error): void => {
      done();
      reject(error);
    };
    worker.once('exit', onExit);
    worker.once('listening', (address: { address: string; port: number; addressType: number | string }) => {
      done();
      resolve({ address: address.address, port: address.port, family: address.addressType === 6 || address.addressType === 'udp6' ? 'IPv6' : 'IPv4' });
    });
  });
}
