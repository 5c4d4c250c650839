export { TestCa, selfSignedLeaf, type Issued, type KeyType, type LeafOptions } from './pki.js';
export { EnginePair, EngineSide, type EnginePairOptions } from './enginePair.js';
