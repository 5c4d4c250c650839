import { GROUPS } from '@tlsport/core';
import type { Scenario } from '../types.js';
import { check, opensslSaw } from './expectations.js';

/** How s_client names the server's key exchange group ("Server Temp Key: …"). */
const TEMP_KEY: Record<string, string> = { x25519: 'X25519', secp256r1: 'ECDH, prime256v1', secp384r1: 'ECDH, secp384r1' };

/** Each key exchange group, the only one the side under test enables. */
const groupScenarios: Scenario[] = GROUPS.map((group) => ({
  feature: `group ${group.name}`,
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect({ local: { groups: group.name } });
    const negotiated = await link.established();
    check(negotiated.group === group.name, `negotiated group ${negotiated.group}`);
    await link.exchange();
    if (run.role === 'server') opensslSaw(link, new RegExp(`Server Temp Key: ${TEMP_KEY[group.name]}`), `group ${group.name}`);
  },
}));

/**
 * HelloRetryRequest: the client prefers x25519 (its key share) and also supports P-384; the
 * server accepts P-384 only, so it must ask again. openssl's trace shows the second ClientHello.
 */
const helloRetry: Scenario = {
  feature: 'HelloRetryRequest (x25519 share, server wants P-384)',
  roles: ['client', 'server'],
  async run(run) {
    const client = { groups: ['x25519', 'P-384'] };
    const server = { groups: 'P-384' };
    const setup =
      run.role === 'client'
        ? { local: client, peer: server, openssl: ['-groups', 'P-384'] }
        : { local: server, peer: client, openssl: ['-groups', 'X25519:P-384'] };
    const link = await run.connect(setup);
    const negotiated = await link.established();
    check(negotiated.version === 'TLSv1.3' && negotiated.group === 'secp384r1', `negotiated ${negotiated.version} ${negotiated.group}`);
    await link.exchange();
    const hellos = link.peer.transcript()?.match(/Handshake \[length [0-9a-f]+\], ClientHello/g)?.length;
    check(hellos === undefined || hellos === 2, `openssl traced ${hellos} ClientHellos, not 2 (no HelloRetryRequest)`);
  },
};

export const keyExchangeScenarios: Scenario[] = [...groupScenarios, helloRetry];
