export { TestCa, selfSignedLeaf, type Issued, type KeyType, type LeafOptions } from './pki.js';
export { EnginePair, EngineSide, type EnginePairOptions } from './enginePair.js';
export { Child, killChildren, run, type ChildOptions, type ChildStream } from './child.js';
export { GET, opensslClient, opensslClientProcess, opensslServer, type OpensslOptions, type OpensslServer } from './openssl.js';
