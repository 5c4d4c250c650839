export type { Certificate, DistinguishedName, BasicConstraints, KeyUsageBit, SubjectAltName } from './Certificate.js';
export type { SignatureAlgorithm } from './signatureAlgorithm.js';
export { parseCertificate } from './parseCertificate.js';
export { pemToDer } from './pemToDer.js';
export { TrustStore } from './TrustStore.js';
export { verifyChain, type VerifyOptions } from './verifyChain.js';
export { matchesHost } from './hostname.js';
export { parseIpLiteral } from './ipAddress.js';
