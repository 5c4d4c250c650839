import type { Issued } from '@tlsport/testkit';
import type { Run } from '../run.js';
import type { Setup } from '../types.js';

/** The setup in which the server (the side under test or its peer) presents `leaf`. */
export function serving(run: Run, leaf: Issued, setup: Setup = {}): Setup {
  const pair = { cert: leaf.chain, key: leaf.key };
  if (run.role === 'server') return { ...setup, local: { ...pair, ...setup.local } };
  return { ...setup, peer: { ...pair, ...setup.peer }, openssl: ['-cert', leaf.certFile, '-key', leaf.keyFile, ...(setup.openssl ?? [])] };
}
