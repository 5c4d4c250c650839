import { cpus } from 'node:os';
import { createCipheriv, diffieHellman, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { repeat, stat, type Stat } from '../measure.js';
import type { SingleMetric } from '../results.js';
import { progress, type SuiteContext, type SuiteOutput } from './SuiteContext.js';

const TRANSCRIPT_HASH = randomBytes(32);
const RECORD = randomBytes(16 * 1024);

/**
 * Metric 8: what this machine's crypto (node:crypto, i.e. the OpenSSL inside node) can do, and the
 * handshake rates that allows, so the handshake numbers can be read against the hardware.
 */
export async function cryptoSuite(context: SuiteContext): Promise<SuiteOutput> {
  progress('Machine crypto limit (node:crypto)');
  const { runs, windowMs } = context.options;
  const ecdsa = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signature = sign('sha256', TRANSCRIPT_HASH, ecdsa.privateKey);
  const peer = generateKeyPairSync('x25519').publicKey;
  const x25519 = await repeat('  X25519 keygen+derive', runs, () => opsPerSecond(windowMs, () => x25519Exchange(peer)));
  const ecdsaSign = await repeat('  ECDSA P-256 sign', runs, () => opsPerSecond(windowMs, () => sign('sha256', TRANSCRIPT_HASH, ecdsa.privateKey)));
  const ecdsaVerify = await repeat('  ECDSA P-256 verify', runs, () => opsPerSecond(windowMs, () => verify('sha256', TRANSCRIPT_HASH, ecdsa.publicKey, signature)));
  const aes = await repeat('  AES-128-GCM 16 KiB', runs, () => opsPerSecond(windowMs, sealRecord(randomBytes(16))));
  const aesMBps = scale(aes, RECORD.length / 1e6);
  // Per full 1.3 ECDSA handshake: each side one X25519 exchange; the server signs CertificateVerify;
  // the client verifies CertificateVerify and the leaf's signature by the root.
  const perPair = (1 / x25519.median) * 2 + 1 / ecdsaSign.median + (1 / ecdsaVerify.median) * 2;
  const perServer = 1 / x25519.median + 1 / ecdsaSign.median;
  const cores = cpus().length;
  const single: SingleMetric[] = [
    { id: 'crypto-x25519', suite: 'crypto', title: 'X25519 key generation + shared secret', unit: 'ops/s', outcome: x25519 },
    { id: 'crypto-ecdsa-sign', suite: 'crypto', title: 'ECDSA P-256 sign (SHA-256)', unit: 'ops/s', outcome: ecdsaSign },
    { id: 'crypto-ecdsa-verify', suite: 'crypto', title: 'ECDSA P-256 verify (SHA-256)', unit: 'ops/s', outcome: ecdsaVerify },
    { id: 'crypto-aes128gcm', suite: 'crypto', title: 'AES-128-GCM seal, 16 KiB records', unit: 'MB/s', outcome: aesMBps },
    { id: 'crypto-limit-pair', suite: 'crypto', title: 'Crypto limit: full 1.3 ECDSA handshakes/s, client+server on one core', unit: 'handshakes/s', outcome: point(1 / perPair) },
    { id: 'crypto-limit-server', suite: 'crypto', title: `Crypto limit: server handshakes/s on all ${cores} cores`, unit: 'handshakes/s', outcome: point(cores / perServer) },
  ];
  return { compared: [], single };
}

function x25519Exchange(peer: KeyObject): void {
  const mine = generateKeyPairSync('x25519');
  diffieHellman({ privateKey: mine.privateKey, publicKey: peer });
}

function sealRecord(key: Buffer): () => void {
  const iv = randomBytes(12);
  return () => {
    const cipher = createCipheriv('aes-128-gcm', key, iv);
    cipher.update(RECORD);
    cipher.final();
    cipher.getAuthTag();
  };
}

function opsPerSecond(windowMs: number, op: () => unknown): number {
  const t0 = performance.now();
  let n = 0;
  let elapsed = 0;
  do {
    for (let i = 0; i < 16; i++) op();
    n += 16;
    elapsed = performance.now() - t0;
  } while (elapsed < windowMs);
  return n / (elapsed / 1000);
}

function scale(s: Stat, by: number): Stat {
  return { median: s.median * by, min: s.min * by, max: s.max * by, runs: s.runs };
}

/** A derived number: no spread of its own. */
function point(value: number): Stat {
  return stat([value]);
}
