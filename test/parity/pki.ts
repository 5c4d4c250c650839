import { TestCa, type Issued } from '@tlsport/testkit';
import { faultyLeaves, type FaultyLeaves } from '../support/certificateFaults.js';
import { interopPki, type InteropPki } from '../support/interopPki.js';

/** The one PKI the parity suite shares: the interop certificates plus one per signature scheme, SNI name and fault. */
export interface ParityPki extends InteropPki {
  p384: Issued;
  ed25519: Issued;
  /** Chosen by SNI name "sni.test". */
  sni: Issued;
  faulty: FaultyLeaves;
}

export function parityPki(): ParityPki {
  const base = interopPki();
  const otherCa = TestCa.root({ cn: 'tlsport parity stranger CA' });
  return {
    ...base,
    p384: base.ca.issue({ keyType: 'ec-p384' }),
    ed25519: base.ca.issue({ keyType: 'ed25519' }),
    sni: base.ca.issue({ cn: 'sni.test', dns: ['sni.test'], ips: [] }),
    faulty: faultyLeaves(base.ca, otherCa),
    dispose() {
      base.dispose();
      otherCa.dispose();
    },
  };
}
