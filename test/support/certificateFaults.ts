import { selfSignedLeaf, type Issued, type TestCa } from '@tlsport/testkit';

/** Certificates that must each fail verification with their own fault (docs/design.md rule 10). */
export interface FaultyLeaves {
  expired: Issued;
  notYetValid: Issued;
  /** Valid, but for other.example / 10.9.9.9 only. */
  otherHost: Issued;
  /** Issued by `otherCa`, which nobody trusts. */
  unknownCa: Issued;
  selfSigned: Issued;
}

export function faultyLeaves(ca: TestCa, otherCa: TestCa): FaultyLeaves {
  return {
    expired: ca.issue({ notBeforeDays: -30, notAfterDays: -1 }),
    notYetValid: ca.issue({ notBeforeDays: 2, notAfterDays: 30 }),
    otherHost: ca.issue({ dns: ['other.example'], ips: ['10.9.9.9'] }),
    unknownCa: otherCa.issue(),
    selfSigned: selfSignedLeaf(ca.dir),
  };
}
