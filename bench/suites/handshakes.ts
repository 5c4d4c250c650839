import type { HandshakeProfile } from '../contenders/Contender.js';
import { ratePerSecond } from '../measure.js';
import type { ComparedMetric } from '../results.js';
import { interleaved, progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

interface Case {
  readonly id: string;
  readonly title: string;
  readonly profile: HandshakeProfile;
}

/**
 * Metric 1: full handshakes, client and server back to back in memory; each row names its group.
 * The X25519MLKEM768 row sits beside its x25519 twin; a contender whose OpenSSL lacks the hybrid
 * (before 3.5) shows n/a with the reason.
 */
const FULL: readonly Case[] = [
  { id: 'hs-tls13-ecdsa', title: 'Full handshakes/s in memory, TLS 1.3, ECDSA P-256, x25519', profile: { version: 'TLSv1.3', cert: 'ecdsa', resumed: false, group: 'x25519' } },
  { id: 'hs-tls13-mlkem-ecdsa', title: 'Full handshakes/s in memory, TLS 1.3, ECDSA P-256, X25519MLKEM768', profile: { version: 'TLSv1.3', cert: 'ecdsa', resumed: false, group: 'X25519MLKEM768' } },
  { id: 'hs-tls12-ecdsa', title: 'Full handshakes/s in memory, TLS 1.2, ECDSA P-256, x25519', profile: { version: 'TLSv1.2', cert: 'ecdsa', resumed: false, group: 'x25519' } },
  { id: 'hs-tls13-rsa', title: 'Full handshakes/s in memory, TLS 1.3, RSA-2048, x25519', profile: { version: 'TLSv1.3', cert: 'rsa', resumed: false, group: 'x25519' } },
];

/** Metric 3: resumed handshakes with a ticket from an earlier full handshake (1.3: psk_dhe_ke, a fresh exchange in the group). */
const RESUMED: readonly Case[] = [
  { id: 'resume-tls13', title: 'Resumed handshakes/s in memory, TLS 1.3 PSK ticket, x25519', profile: { version: 'TLSv1.3', cert: 'ecdsa', resumed: true, group: 'x25519' } },
  { id: 'resume-tls12', title: 'Resumed handshakes/s in memory, TLS 1.2 ticket', profile: { version: 'TLSv1.2', cert: 'ecdsa', resumed: true, group: 'x25519' } },
];

export function handshakeSuite(context: SuiteContext): Promise<SuiteOutput> {
  return runCases(context, 'handshake', FULL);
}

export function resumeSuite(context: SuiteContext): Promise<SuiteOutput> {
  return runCases(context, 'resume', RESUMED);
}

async function runCases(context: SuiteContext, suite: string, cases: readonly Case[]): Promise<SuiteOutput> {
  const { windowMs } = context.options;
  const compared: ComparedMetric[] = [];
  for (const c of cases) {
    progress(c.title);
    const results = await interleaved(context, async (contender) => {
      const handshaker = await contender.handshaker(c.profile);
      return { sample: () => ratePerSecond(windowMs, handshaker.once), close: () => handshaker.close() };
    });
    compared.push({ id: c.id, suite, title: c.title, unit: 'handshakes/s', better: 'higher', results });
  }
  return { compared, single: [] };
}
