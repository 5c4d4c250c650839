import type { SecureAttributes } from '@tlsport/core';
import type { Scenario } from '../types.js';
import { check, opensslSaw } from './expectations.js';

/**
 * Client certificates: the server requires one and verifies it against the CA; the client
 * presents the interop client certificate. The server side must see it verified.
 */
export const clientAuthScenarios: Scenario[] = (['TLSv1.3', 'TLSv1.2'] as const).map((version) => ({
  feature: `client certificate (${version.replace('v', ' ')})`,
  roles: ['client', 'server'],
  async run(run) {
    const { ca, client } = run.pki;
    const pinned: SecureAttributes = { minVersion: version, maxVersion: version };
    const presenting: SecureAttributes = { cert: client.chain, key: client.key };
    const requiring: SecureAttributes = { GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL', ca: ca.cert };
    const setup =
      run.role === 'client'
        ? { local: { ...pinned, ...presenting }, peer: requiring, openssl: ['-Verify', '1', '-CAfile', ca.certFile] }
        : { local: { ...pinned, ...requiring }, peer: presenting, openssl: ['-cert', client.certFile, '-key', client.keyFile] };
    const link = await run.connect(setup);
    const negotiated = await link.established();
    await link.exchange();
    if (run.role === 'client') {
      opensslSaw(link, /subject=CN = tlsport interop client/, 'the client certificate');
      return;
    }
    const peer = negotiated.peerCertificate;
    check(peer?.subject === 'CN=tlsport interop client' && peer.verified, `client certificate ${peer?.subject} verified=${peer?.verified}`);
  },
}));
