export { TestCa, selfSignedLeaf, type Issued, type KeyType, type LeafOptions } from './pki.js';
