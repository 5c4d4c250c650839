import { ALERT_BY_FAULT, alertName, GSK_BY_FAULT, gskStatusName, TlsError, type SecureAttributes, type TlsFault } from '@tlsport/core';
import type { FaultyLeaves } from '../../support/certificateFaults.js';
import type { Run } from '../run.js';
import type { Role, Scenario, Setup } from '../types.js';
import { check } from './expectations.js';
import { serving } from './serverCertificate.js';

interface FaultCase {
  name: string;
  fault: TlsFault;
  roles: readonly Role[];
  /** The setup staging the fault against the side under test. */
  setup(run: Run): Setup;
}

/** The server (the side under test) requires a client certificate verified against the CA. */
function requiringClientCertificate(run: Run, presented: SecureAttributes, openssl: readonly string[]): Setup {
  return { local: { GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL', ca: run.pki.ca.cert }, peer: presented, openssl };
}

/** A faulty certificate, presented by the server to a client under test, or by the client to a server under test. */
function presenting(leaf: keyof FaultyLeaves): (run: Run) => Setup {
  return (run) => {
    const issued = run.pki.faulty[leaf];
    if (run.role === 'client') return serving(run, issued);
    return requiringClientCertificate(run, { cert: issued.chain, key: issued.key }, ['-cert', issued.certFile, '-key', issued.keyFile]);
  };
}

const CASES: readonly FaultCase[] = [
  { name: 'expired', fault: 'expired', roles: ['client', 'server'], setup: presenting('expired') },
  { name: 'not yet valid', fault: 'not-yet-valid', roles: ['client', 'server'], setup: presenting('notYetValid') },
  { name: 'unknown CA', fault: 'unknown-ca', roles: ['client', 'server'], setup: presenting('unknownCa') },
  { name: 'self-signed', fault: 'self-signed', roles: ['client', 'server'], setup: presenting('selfSigned') },
  { name: 'host name mismatch', fault: 'hostname-mismatch', roles: ['client'], setup: presenting('otherHost') },
  { name: 'IP address mismatch', fault: 'hostname-mismatch', roles: ['client'], setup: () => ({ local: { servername: '127.0.0.2' } }) },
  { name: 'client certificate missing', fault: 'certificate-required', roles: ['server'], setup: (run) => requiringClientCertificate(run, {}, []) },
];

/** Stages the fault against the side under test, checks its StartInit completion, returns the peer's account. */
async function stage(run: Run, { fault, setup }: FaultCase): Promise<string> {
  const link = await run.connect(setup(run));
  const c = await link.init();
  if (c.error instanceof TlsError && c.error.fault === 'unsupported') throw c.error;
  const status = GSK_BY_FAULT[fault];
  check(c.returnValue === status, `StartInit ${gskStatusName(c.returnValue)}, expected ${gskStatusName(status)}${c.error === undefined ? '' : `: ${c.error.message}`}`);
  check(c.error instanceof TlsError && c.error.detail.length > 10, 'no readable detail');
  const heard = await link.peer.failure();
  await link.close();
  return heard;
}

/**
 * Each certificate fault, detected by the side under test: its StartInit fails with the fault's
 * GSK status and a readable detail (docs/design.md rule 10), and the peer's connection fails too.
 */
const faultScenarios: Scenario[] = CASES.map((fault) => ({
  feature: `certificate fault: ${fault.name}`,
  roles: fault.roles,
  async run(run) {
    await stage(run, fault);
  },
}));

export const ALERT_FEATURE = 'certificate faults: the alert reaches the peer';

/** The peer hears each fault as the fault's alert (ALERT_BY_FAULT), from every fault of the role. */
const alertScenario: Scenario = {
  feature: ALERT_FEATURE,
  roles: ['client', 'server'],
  async run(run) {
    const unheard: string[] = [];
    for (const fault of CASES.filter((f) => f.roles.includes(run.role))) {
      const expected = alertName(ALERT_BY_FAULT[fault.fault]!).replace(/_/g, ' ');
      const heard = alertHeard(await stage(run, fault));
      if (heard !== expected) unheard.push(`${fault.name}: ${heard ?? 'no alert'}, not ${expected}`);
    }
    check(unheard.length === 0, `the peer heard ${unheard.join('; ')}`);
  },
};

/** The fatal alert the peer received, in RFC words with spaces: from openssl's trace, or a session's "[peer sent …]". */
function alertHeard(account: string): string | undefined {
  const text = account.replace(/_/g, ' ');
  return (/<<< TLS 1\.\d, Alert \[length 0002\], fatal ([a-z ]+)/.exec(text) ?? /\[peer sent ([a-z ]+)\]/.exec(text))?.[1]?.trim();
}

export const certificateFaultScenarios: Scenario[] = [...faultScenarios, alertScenario];
