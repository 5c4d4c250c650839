/**
 * Closes an established session that has seen no traffic for `ms`. Traffic only stamps a time;
 * the one timer re-arms itself for what is left, so busy sessions cost no timer churn.
 */
export class IdleTimer {
  private last = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly expired: () => void,
  ) {}

  start(): void {
    if (this.ms <= 0 || this.timer !== undefined) return;
    this.touch();
    this.arm(this.ms);
  }

  touch(): void {
    this.last = performance.now();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    // The transport keeps the process alive while there is one; an idle timer alone should not.
    this.timer = setTimeout(() => this.check(), ms).unref();
  }

  private check(): void {
    const idle = performance.now() - this.last;
    if (idle >= this.ms) {
      this.timer = undefined;
      this.expired();
    } else {
      this.arm(this.ms - idle);
    }
  }
}
