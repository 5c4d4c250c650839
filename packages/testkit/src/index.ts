export { TestCa, selfSignedLeaf, type Issued, type KeyType, type LeafOptions } from './pki.js';
export { EngineSide } from './engineSide.js';
export { EnginePair, type EnginePairOptions } from './enginePair.js';
export { SocketEngine, type SocketListener } from './socketEngine.js';
export { Child, killChildren, run, type ChildOptions, type ChildStream } from './child.js';
export { GET, opensslClient, opensslClientProcess, opensslServer, type OpensslOptions, type OpensslServer } from './openssl.js';
export { silentSink } from './silentSink.js';
export { nodeRelease, type NodeRelease } from './nodeRelease.js';
export { pollUntil, nextTimer } from './pollUntil.js';
