export { Asn1Error } from './Asn1Error.js';
export { Tag, contextTag } from './tags.js';
export { DerReader, type DerElement } from './DerReader.js';
export { decodeInteger, decodeUnsigned, decodeOid, decodeBitString, decodeBoolean, type BitString } from './values.js';
export { decodeTime } from './time.js';
export { decodeString } from './strings.js';
export { pemBlocks, type PemBlock } from './pem.js';
