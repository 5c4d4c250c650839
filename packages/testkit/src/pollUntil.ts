/** One timer turn: socket tests wait on I/O, so they poll without spinning. */
export const nextTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** Polls `condition` until it holds, waiting `tick()` between tries; rejects with `failure()` after `timeoutMs`. */
export async function pollUntil(condition: () => boolean, timeoutMs: number, failure: () => string, tick: () => Promise<void> = nextTimer): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure());
    await tick();
  }
}
