import { Asn1Error } from './Asn1Error.js';
import { Tag } from './tags.js';

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;

/**
 * UTCTime or GeneralizedTime in the DER profile RFC 5280 §4.1.2.5 requires: seconds present,
 * "Z", no fractions; UTCTime years 50..99 are 19xx.
 */
export function decodeTime(tag: number, value: Uint8Array, what: string): Date {
  const text = String.fromCharCode(...value);
  const match = tag === Tag.UTCTime ? UTC_TIME.exec(text) : tag === Tag.GeneralizedTime ? GENERALIZED_TIME.exec(text) : null;
  if (match === null) throw new Asn1Error(`${what}: bad time "${text.slice(0, 24)}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const fullYear = tag === Tag.UTCTime ? (year >= 50 ? 1900 + year : 2000 + year) : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day, hour, minute, second));
  // Date.UTC rolls over out-of-range fields; a round trip catches "month 13" or "Feb 30".
  if (date.getUTCFullYear() !== fullYear || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day
    || date.getUTCHours() !== hour || date.getUTCMinutes() !== minute || date.getUTCSeconds() !== second) {
    throw new Asn1Error(`${what}: impossible date "${text}"`);
  }
  return date;
}
