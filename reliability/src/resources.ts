import { liveObjects } from '@tlsport/backend-openssl';

/** Timers, handles and native TLS objects alive now: compared before and after a run to prove nothing was left. */
export interface ResourceSnapshot {
  /** process.getActiveResourcesInfo(), counted by kind. */
  active: Record<string, number>;
  ssl: number;
  ctx: number;
}

export function snapshot(): ResourceSnapshot {
  const active: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) active[kind] = (active[kind] ?? 0) + 1;
  const live = liveObjects();
  return { active, ssl: live.ssl, ctx: live.ctx };
}

/** What `after` holds beyond `before` ("Timeout +3"), empty when nothing leaked. */
export function leaks(before: ResourceSnapshot, after: ResourceSnapshot): string[] {
  const out: string[] = [];
  for (const [kind, n] of Object.entries(after.active)) {
    const extra = n - (before.active[kind] ?? 0);
    if (extra > 0) out.push(`${kind} +${extra}`);
  }
  if (after.ssl > before.ssl) out.push(`openssl SSL +${after.ssl - before.ssl}`);
  if (after.ctx > before.ctx) out.push(`openssl SSL_CTX +${after.ctx - before.ctx}`);
  return out;
}

/** Waits until `leaks` is empty or `ms` passed (sockets and native frees settle a few turns late). */
export async function settle(before: ResourceSnapshot, ms = 2000): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    (globalThis as { gc?: () => void }).gc?.();
    const found = leaks(before, snapshot());
    if (found.length === 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
