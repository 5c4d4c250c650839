/**
 * A share of each event-loop turn for engine work that runs on the main thread. A burst of
 * handshakes on an engine that computes on the main thread (pure: signatures and key exchange in
 * JavaScript and synchronous node:crypto calls) would otherwise run every ClientHello that arrived
 * in one poll phase back to back, and the loop would not come round to timers or I/O for as long
 * as all of them take. Once the work of this turn has taken `budgetMs`, more is put off to later
 * turns, run from setImmediate a budget's worth at a time, in the order it was put off.
 */
export class LoopTurns {
  /** When the first engine work of the current turn began; undefined between turns. */
  private turnStartedAt: number | undefined;
  private readonly deferred: (() => void)[] = [];
  private head = 0;
  private draining = false;

  constructor(
    private readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether work may run now: nothing is put off already and this turn's budget is not spent. */
  mayRun(): boolean {
    if (this.head < this.deferred.length) return false;
    const started = this.turnStartedAt;
    if (started === undefined) {
      this.turnStartedAt = this.now();
      // The check phase follows this turn's poll phase: the next work there starts a new turn.
      setImmediate(this.endTurn);
      return true;
    }
    return this.now() - started < this.budgetMs;
  }

  /** Runs `work` in a later turn, after whatever was put off before it. */
  defer(work: () => void): void {
    this.deferred.push(work);
    if (!this.draining) {
      this.draining = true;
      setImmediate(this.drain);
    }
  }

  /** Work waiting for a later turn. */
  get waiting(): number {
    return this.deferred.length - this.head;
  }

  private readonly endTurn = (): void => {
    this.turnStartedAt = undefined;
  };

  private readonly drain = (): void => {
    const started = this.now();
    while (this.head < this.deferred.length && this.now() - started < this.budgetMs) {
      const work = this.deferred[this.head]!;
      this.deferred[this.head++] = noop;
      work();
    }
    if (this.head === this.deferred.length) {
      this.deferred.length = 0;
      this.head = 0;
      this.draining = false;
    } else {
      setImmediate(this.drain);
    }
  };
}

function noop(): void {}

/**
 * The process's turns: 2 ms of main-thread engine work per loop turn before the rest waits a turn
 * (node:tls's own p99 loop delay in the bench's 1000-connection burst is about 5 ms).
 */
export const mainThreadTurns = new LoopTurns(2);
