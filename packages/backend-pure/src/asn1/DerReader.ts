import { Asn1Error } from './Asn1Error.js';
import { Tag, contextTag } from './tags.js';
import { decodeBitString, decodeBoolean, decodeInteger, decodeOid, decodeUnsigned, type BitString } from './values.js';

/** One TLV: its tag, its contents, and the whole encoding (for signatures over exact bytes). */
export interface DerElement {
  readonly tag: number;
  readonly value: Uint8Array;
  readonly encoded: Uint8Array;
}

/**
 * A cursor over a run of DER elements. Only DER is accepted: definite, minimal lengths and
 * low-tag-number identifiers; `end()` makes trailing bytes an error.
 */
export class DerReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array, private readonly what = 'DER') {}

  /** The single element `bytes` must consist of. */
  static single(bytes: Uint8Array, what: string): DerElement {
    const reader = new DerReader(bytes, what);
    const element = reader.element();
    reader.end();
    return element;
  }

  get empty(): boolean {
    return this.offset >= this.bytes.length;
  }

  peekTag(): number | undefined {
    return this.empty ? undefined : this.bytes[this.offset];
  }

  element(): DerElement {
    const start = this.offset;
    const tag = this.byte('tag');
    if ((tag & 0x1f) === 0x1f) throw new Asn1Error(`${this.what}: high-tag-number identifiers are not used here`);
    const length = this.length();
    if (length > this.bytes.length - this.offset) {
      throw new Asn1Error(`${this.what}: length ${length} runs past the end (${this.bytes.length - this.offset} bytes left)`);
    }
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return { tag, value, encoded: this.bytes.subarray(start, this.offset) };
  }

  expect(tag: number, what: string): DerElement {
    const next = this.peekTag();
    if (next !== tag) {
      throw new Asn1Error(`${this.what}: ${what} expected tag 0x${tag.toString(16)}, found ${next === undefined ? 'end of data' : `0x${next.toString(16)}`}`);
    }
    return this.element();
  }

  optional(tag: number): DerElement | undefined {
    return this.peekTag() === tag ? this.element() : undefined;
  }

  sequence(what: string): DerReader {
    return new DerReader(this.expect(Tag.SEQUENCE, what).value, `${this.what}/${what}`);
  }

  /** The contents of an optional EXPLICIT [n] wrapper, as a reader. */
  explicit(n: number, what: string): DerReader | undefined {
    const element = this.optional(contextTag(n, true));
    return element === undefined ? undefined : new DerReader(element.value, `${this.what}/${what}`);
  }

  integer(what: string): bigint {
    return decodeInteger(this.expect(Tag.INTEGER, what).value, what);
  }

  /** A non-negative INTEGER as its big-endian magnitude (no sign byte). */
  unsigned(what: string): Uint8Array {
    return decodeUnsigned(this.expect(Tag.INTEGER, what).value, what);
  }

  /** A small non-negative INTEGER (versions, pathLen). */
  smallInteger(what: string): number {
    const value = this.integer(what);
    if (value < 0n || value > 0xffffn) throw new Asn1Error(`${this.what}: ${what} out of range`);
    return Number(value);
  }

  oid(what: string): string {
    return decodeOid(this.expect(Tag.OID, what).value, what);
  }

  bitString(what: string): BitString {
    return decodeBitString(this.expect(Tag.BIT_STRING, what).value, what);
  }

  octetString(what: string): Uint8Array {
    return this.expect(Tag.OCTET_STRING, what).value;
  }

  boolean(what: string): boolean {
    return decodeBoolean(this.expect(Tag.BOOLEAN, what).value, what);
  }

  null(what: string): void {
    if (this.expect(Tag.NULL, what).value.length !== 0) throw new Asn1Error(`${this.what}: ${what} NULL with contents`);
  }

  end(): void {
    if (!this.empty) throw new Asn1Error(`${this.what}: ${this.bytes.length - this.offset} trailing bytes`);
  }

  private byte(what: string): number {
    if (this.empty) throw new Asn1Error(`${this.what}: truncated (${what})`);
    return this.bytes[this.offset++]!;
  }

  /** X.690 §10.1: definite form, and the fewest octets that hold the length. */
  private length(): number {
    const first = this.byte('length');
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0) throw new Asn1Error(`${this.what}: indefinite length`);
    if (count > 4) throw new Asn1Error(`${this.what}: length of ${count} octets`);
    let length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + this.byte('length');
    if (length < 0x80 || length < 256 ** (count - 1)) throw new Asn1Error(`${this.what}: non-minimal length`);
    return length;
  }
}
