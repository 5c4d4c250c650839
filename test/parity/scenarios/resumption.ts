import { join } from 'node:path';
import type { Scenario } from '../types.js';
import { check, opensslSaw } from './expectations.js';

/**
 * Resumption: a first connection yields resumption state (1.3 NewSessionTicket, 1.2 ticket), a
 * second one presents it and must be resumed. Both connections use the same environments, so the
 * server's ticket keys are the same; openssl keeps its session in a file (-sess_out / -sess_in).
 */
export const resumptionScenarios: Scenario[] = (['TLSv1.3', 'TLSv1.2'] as const).map((version) => ({
  feature: `resumption (${version.replace('v', ' ')})`,
  roles: ['client', 'server'],
  async run(run) {
    const pinned = { minVersion: version, maxVersion: version };
    const sessionFile = join(run.pki.ca.dir, `session-${run.backend.name}-${version}.pem`);
    // s_client keeps the session in a file; the s_server of the client role is the same process both times.
    const sessionArgs = (option: string): string[] => (run.role === 'server' ? [option, sessionFile] : []);
    const first = await run.connect({ local: pinned, openssl: sessionArgs('-sess_out') });
    check(!(await first.established()).resumed, 'the first connection claims to be resumed');
    // The data exchange makes sure the ticket, sent before it, has been processed.
    await first.exchange();
    const client = run.role === 'client' ? first.session : first.peer;
    const state = client.resumptionState;
    check(state !== undefined || (run.role === 'server' && run.peerKind === 'openssl'), 'the client got no resumption state');
    await first.close();

    const resume = { session: state };
    const second = await run.connect({ local: pinned, openssl: sessionArgs('-sess_in') }, { reuse: first, ...(run.role === 'client' ? { localSession: resume } : { peerSession: resume }) });
    const negotiated = await second.established();
    check(negotiated.resumed && negotiated.version === version, `second connection: resumed=${negotiated.resumed} ${negotiated.version}`);
    await second.exchange();
    opensslSaw(second, run.role === 'client' ? /^Reused session-id$/m : new RegExp(`^Reused, ${version}`, 'm'), 'a resumed session');
  },
}));
