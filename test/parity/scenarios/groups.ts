import { execFileSync } from 'node:child_process';
import { GROUPS, GskStatus } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import type { Scenario } from '../types.js';
import { check, opensslSaw } from './expectations.js';

/** The openssl CLI's own version (Debian's may be older than the OpenSSL inside Node). */
const OPENSSL_CLI = /OpenSSL (\d+\.\d+\.\d+)/.exec(execFileSync('openssl', ['version'], { encoding: 'utf8' }))?.[1] ?? '0.0.0';

/** How s_client names the server's key exchange group ("Server Temp Key: …"). */
const TEMP_KEY: Record<string, string> = { x25519: 'X25519', secp256r1: 'ECDH, prime256v1', secp384r1: 'ECDH, secp384r1' };

/** Each classic key exchange group, the only one the side under test enables. */
const groupScenarios: Scenario[] = GROUPS.filter((g) => !g.hybrid).map((group) => ({
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
 * Each post-quantum hybrid, the only group the side under test enables. An engine on an OpenSSL
 * before 3.5 declines it ("not offered", with its reason). An openssl CLI before 3.5 knows neither
 * hybrid: against it the handshake must fail cleanly (a failed StartInit, no hang), the most such
 * a peer can show; Node 26's OpenSSL 3.5 is the interop peer for these groups in test/interop.
 */
const hybridScenarios: Scenario[] = GROUPS.filter((g) => g.hybrid).map((group) => ({
  feature: `group ${group.name} (post-quantum hybrid)`,
  roles: ['client', 'server'],
  async run(run) {
    const oldPeer = run.peerKind === 'openssl' && !opensslHasHybridGroups(OPENSSL_CLI);
    const link = await run.connect({ local: { groups: group.name }, peer: { groups: group.name }, openssl: oldPeer ? [] : ['-groups', group.openssl] });
    if (oldPeer) {
      const init = await link.init();
      check(init.returnValue !== GskStatus.GSK_OK, `handshake succeeded with openssl ${OPENSSL_CLI}, which lacks ${group.name}`);
      return;
    }
    const negotiated = await link.established();
    check(negotiated.group === group.name, `negotiated group ${negotiated.group}`);
    await link.exchange();
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

export const keyExchangeScenarios: Scenario[] = [...groupScenarios, ...hybridScenarios, helloRetry];
