/** Lowercase hex: serial numbers, unreadable name values, and map keys for DER names. */
export { toHex } from '../codec/bytes.js';
