import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The demo's throwaway PKI: a root CA and one leaf for localhost and 127.0.0.1. */
export interface DemoPki {
  /** The folder holding the PEM files; dispose() removes it. */
  readonly dir: string;
  /** The CA certificate (PEM): the clients' trust anchor. */
  readonly caCert: string;
  /** The leaf followed by the CA certificate (PEM): what the servers send. */
  readonly chain: string;
  /** The leaf's private key (PEM, PKCS#8). */
  readonly key: string;
  dispose(): void;
}

const P256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** Leaf extensions as the web PKI wants them (RFC 5280 §4.2; SANs only, no CN matching). */
const LEAF_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=serverAuth,clientAuth',
  'subjectAltName=DNS:localhost,IP:127.0.0.1',
].join('\n');

/**
 * Makes the PKI with the openssl command line tool (node:crypto can read certificates but not
 * issue them). ECDSA P-256 keys, valid for a day: nothing here outlives the demo.
 */
export function demoPki(): DemoPki {
  const dir = mkdtempSync(join(tmpdir(), 'tlsport-demo-'));
  const openssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new Error(`the demo makes its certificates with the openssl command line tool: openssl ${args[0]} failed: ${stderr || (error as Error).message}`);
    }
  };
  openssl('req', '-x509', ...P256, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=tlsport demo CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-new', ...P256, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost');
  writeFileSync(join(dir, 'leaf.ext'), LEAF_EXTENSIONS + '\n');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', String(Date.now()), '-days', '1', '-sha256', '-extfile', 'leaf.ext', '-out', 'leaf.crt');
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const caCert = read('ca.crt');
  return {
    dir,
    caCert,
    chain: read('leaf.crt') + caCert,
    key: read('leaf.key'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
