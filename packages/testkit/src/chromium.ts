import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Debian's `chromium` package (`apt-get install -y chromium`); .ci/run installs it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Quiet, sandbox-free headless flags for a test machine: no updates, no background traffic. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * What Chromium's --ignore-certificate-errors-spki-list takes for a certificate: the base64
 * SHA-256 of its SubjectPublicKeyInfo. Trusting a test leaf this way needs no system trust store.
 */
export function spkiHash(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile (--user-data-dir, which the SPKI trust flag needs),
 * trusting the certificates whose SPKI hashes are given (spkiHash).
 */
export async function launchChromium(options: { trustSpki?: readonly string[] } = {}): Promise<HeadlessChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'tlsport-chromium-'));
  const trust = options.trustSpki === undefined || options.trustSpki.length === 0 ? [] : [`--ignore-certificate-errors-spki-list=${options.trustSpki.join(',')}`];
  try {
    // Loaded on first use: playwright-core costs about a second of CPU to import.
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...FLAGS, ...trust] });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
