import type { Scenario } from '../types.js';
import { opensslSaw, traced } from './expectations.js';

/**
 * TLS 1.3 KeyUpdate with update_requested: the side under test updates its keys and asks the
 * peer to do the same; data both ways afterwards proves both sides moved to the new keys.
 * A backend without KeyUpdate reports the fault 'unsupported', which ends the session.
 */
export const keyUpdateScenario: Scenario = {
  feature: 'KeyUpdate (TLS 1.3, update requested)',
  roles: ['client', 'server'],
  async run(run) {
    const link = await run.connect({ local: { minVersion: 'TLSv1.3' } });
    await link.established();
    await link.exchange('before');
    link.session.keyUpdate(true);
    if (link.session.error !== undefined) throw link.session.error;
    await link.exchange('after');
    opensslSaw(link, traced('<<<', '1.3', 'KeyUpdate'), 'receiving a KeyUpdate');
    opensslSaw(link, traced('>>>', '1.3', 'KeyUpdate'), 'answering with its own KeyUpdate');
  },
};
