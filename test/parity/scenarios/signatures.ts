import type { Scenario } from '../types.js';
import type { ParityPki } from '../pki.js';
import { check, opensslSaw } from './expectations.js';
import { serving } from './serverCertificate.js';

interface SchemeCase {
  scheme: string;
  version: 'TLSv1.2' | 'TLSv1.3';
  leaf: keyof Pick<ParityPki, 'ecdsa' | 'p384' | 'rsa' | 'ed25519'>;
  /** What s_client prints as "Peer signature type" and "Peer signing digest" (none for Ed25519). */
  type: string;
  digest: string | undefined;
}

const SCHEMES: readonly SchemeCase[] = [
  { scheme: 'ecdsa_secp256r1_sha256', version: 'TLSv1.3', leaf: 'ecdsa', type: 'ECDSA', digest: 'SHA256' },
  { scheme: 'ecdsa_secp384r1_sha384', version: 'TLSv1.3', leaf: 'p384', type: 'ECDSA', digest: 'SHA384' },
  { scheme: 'rsa_pss_rsae_sha256', version: 'TLSv1.3', leaf: 'rsa', type: 'RSA-PSS', digest: 'SHA256' },
  { scheme: 'rsa_pkcs1_sha256', version: 'TLSv1.2', leaf: 'rsa', type: 'RSA', digest: 'SHA256' },
  { scheme: 'ed25519', version: 'TLSv1.3', leaf: 'ed25519', type: 'Ed25519', digest: undefined },
];

/**
 * Each signature scheme of the server's handshake signature: the client role verifies it, the
 * server role makes it. openssl is limited to that one scheme (-sigalgs), so it is the scheme
 * used; between two sessions of one backend the certificate's key type decides it.
 */
export const signatureScenarios: Scenario[] = SCHEMES.map(({ scheme, version, leaf, type, digest }) => ({
  feature: `signature ${scheme} (${version.replace('v', ' ')})`,
  roles: ['client', 'server'],
  async run(run) {
    const setup = serving(run, run.pki[leaf], { local: { minVersion: version, maxVersion: version }, openssl: ['-sigalgs', scheme] });
    const link = await run.connect(setup);
    const negotiated = await link.established();
    check(negotiated.version === version, `negotiated ${negotiated.version}`);
    await link.exchange();
    if (run.role === 'server') {
      opensslSaw(link, new RegExp(`Peer signature type: ${type}\\n`, 'i'), `signature type ${type}`);
      if (digest !== undefined) opensslSaw(link, new RegExp(`Peer signing digest: ${digest}\\n`), `digest ${digest}`);
    }
  },
}));
