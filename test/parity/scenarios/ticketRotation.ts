import { join } from 'node:path';
import { TicketKeyRing } from '@tlsport/core';
import type { Scenario } from '../types.js';
import { check } from './expectations.js';

const ENCRYPT_SECONDS = 3600;

/**
 * Ticket-key rotation on a server: a ticket sealed under one key still resumes after the ring has
 * moved to the next key, while the old key is in its decrypt window. The ring's clock is moved one
 * slot forward instead of waiting; the engines follow the ring as they would at the slot boundary.
 */
export const ticketRotationScenarios: Scenario[] = (['TLSv1.3', 'TLSv1.2'] as const).map((version) => ({
  feature: `ticket sealed before a key rotation resumes (${version.replace('v', ' ')})`,
  roles: ['server'],
  async run(run) {
    let offsetMs = 0;
    const ring = await TicketKeyRing.open({ clock: () => Date.now() + offsetMs, schedule: { encryptSeconds: ENCRYPT_SECONDS }, log: () => {} });
    try {
      const local = { minVersion: version, maxVersion: version, ticketKeys: ring };
      const sessionFile = join(run.pki.ca.dir, `rotation-${run.backend.name}-${version}.pem`);
      const first = await run.connect({ local, openssl: ['-sess_out', sessionFile] });
      await first.established();
      await first.exchange();
      const state = first.peer.resumptionState;
      const before = ring.encryptionKey();
      await first.close();

      offsetMs += ENCRYPT_SECONDS * 1000;
      await ring.refresh();
      check(ring.encryptionKey() !== before, 'the ring did not rotate');
      const second = await run.connect({ local, openssl: ['-sess_in', sessionFile] }, { reuse: first, peerSession: { session: state } });
      const negotiated = await second.established();
      check(negotiated.resumed, 'a ticket sealed under the previous key did not resume after the rotation');
      await second.exchange();
    } finally {
      await ring.close();
    }
  },
}));
