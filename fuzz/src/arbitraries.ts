import fc from 'fast-check';
import { concat } from './mutators.js';

/**
 * Structure-aware inputs: TLS records and handshake messages built field by field (RFC 8446 §4,
 * §5.1; RFC 5246 §7.4), with length prefixes usually right and sometimes wrong, so the engines'
 * parsers get past the framing and into the message bodies.
 */

function prefixed(lengthBytes: 1 | 2 | 3, body: Uint8Array, delta = 0): Uint8Array {
  const n = Math.max(0, Math.min(2 ** (8 * lengthBytes) - 1, body.length + delta));
  const head = new Uint8Array(lengthBytes);
  for (let i = lengthBytes - 1, v = n; i >= 0; i--, v = Math.floor(v / 256)) head[i] = v & 0xff;
  return concat(head, body);
}

/** Mostly 0 (a correct length), sometimes off by a little or by a lot. */
const lengthDelta = fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: -70000, max: 70000 }) });
const u16 = (values: number[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) });
const be16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const bytes = (maxLength: number) => fc.uint8Array({ maxLength });

const SUITES = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02c, 0xc02f, 0xc030, 0xcca8, 0xcca9, 0x00ff];
const GROUPS = [0x001d, 0x0017, 0x0018, 0x0019, 0x0100];
const SIGALGS = [0x0403, 0x0503, 0x0804, 0x0805, 0x0401, 0x0807, 0x0201];

/** An extension with a plausible body for the types that matter to a handshake, random otherwise. */
const extension: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.tuple(fc.array(u16([0x0304, 0x0303, 0x0302, 0x7f1c]), { maxLength: 4 }), lengthDelta).map(([vs, d]) => concat(be16(43), prefixed(2, prefixed(1, concat(...vs.map(be16)), d)))),
  fc.tuple(u16([0x0304, 0x0303]), lengthDelta).map(([v, d]) => concat(be16(43), prefixed(2, be16(v), d))),
  fc.tuple(fc.array(u16(GROUPS), { maxLength: 5 }), lengthDelta).map(([gs, d]) => concat(be16(10), prefixed(2, prefixed(2, concat(...gs.map(be16)), d)))),
  fc.tuple(fc.array(u16(SIGALGS), { maxLength: 6 }), lengthDelta).map(([ss, d]) => concat(be16(13), prefixed(2, prefixed(2, concat(...ss.map(be16)), d)))),
  fc.tuple(u16(GROUPS), fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 65, maxLength: 65 }), bytes(100)), lengthDelta, fc.boolean()).map(([g, key, d, list]) => {
    const entry = concat(be16(g), prefixed(2, key, d));
    return concat(be16(51), prefixed(2, list ? prefixed(2, entry) : entry));
  }),
  fc.tuple(fc.string({ maxLength: 40 }), lengthDelta).map(([name, d]) => concat(be16(0), prefixed(2, prefixed(2, concat(Uint8Array.of(0), prefixed(2, new TextEncoder().encode(name), d)))))),
  fc.array(fc.string({ minLength: 0, maxLength: 10 }), { maxLength: 3 }).map((ps) => concat(be16(16), prefixed(2, prefixed(2, concat(...ps.map((p) => prefixed(1, new TextEncoder().encode(p)))))))),
  fc.tuple(bytes(64), bytes(40)).map(([id, binder]) => concat(be16(41), prefixed(2, concat(prefixed(2, concat(prefixed(2, id), Uint8Array.of(0, 0, 0, 0))), prefixed(2, prefixed(1, binder)))))),
  fc.tuple(u16([0, 10, 13, 23, 41, 42, 43, 44, 45, 49, 50, 51, 65281, 0x0a0a]), bytes(48), lengthDelta).map(([type, body, d]) => concat(be16(type), prefixed(2, body, d))),
);

const extensions = fc.tuple(fc.array(extension, { maxLength: 8 }), lengthDelta).map(([es, d]) => prefixed(2, concat(...es), d));
const random32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

const clientHello = fc
  .tuple(u16([0x0303, 0x0301, 0x0304]), random32, bytes(33), fc.array(u16(SUITES), { maxLength: 8 }), fc.constantFrom(Uint8Array.of(0), Uint8Array.of(1), Uint8Array.of()), extensions, lengthDelta)
  .map(([v, r, sid, suites, comp, exts, d]) => ({ type: 1, body: concat(be16(v), r, prefixed(1, sid), prefixed(2, concat(...suites.map(be16)), d), prefixed(1, comp), exts) }));

const serverHello = fc
  .tuple(u16([0x0303, 0x0304]), random32, bytes(33), u16(SUITES), fc.constantFrom(0, 1), extensions)
  .map(([v, r, sid, suite, comp, exts]) => ({ type: 2, body: concat(be16(v), r, prefixed(1, sid), be16(suite), Uint8Array.of(comp), exts) }));

const certificate = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(bytes(300), bytes(8)), { maxLength: 3 }), lengthDelta)
  .map(([tls13, certs, d]) => ({
    type: 11,
    body: concat(tls13 ? Uint8Array.of(0) : new Uint8Array(0), prefixed(3, concat(...certs.map(([c, e]) => concat(prefixed(3, c, d), tls13 ? prefixed(2, e) : new Uint8Array(0)))))),
  }));

const otherMessage = fc
  .tuple(fc.constantFrom(0, 4, 5, 8, 12, 13, 14, 15, 16, 20, 24, 254, 255), bytes(200))
  .map(([type, body]) => ({ type, body }));

/** One handshake message with its 4-byte header (RFC 8446 §4), length usually right. */
export const handshakeMessage: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.oneof(clientHello, serverHello, certificate, otherMessage), lengthDelta)
  .map(([m, d]) => concat(Uint8Array.of(m.type), prefixed(3, m.body, d)));

/** One record (RFC 8446 §5.1): type, legacy version, length (usually right), fragment. */
export const record: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(20, 21, 22, 23) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }),
    u16([0x0303, 0x0301, 0x0300]),
    fc.oneof(
      { weight: 4, arbitrary: fc.array(handshakeMessage, { minLength: 1, maxLength: 3 }).map((ms) => concat(...ms)) },
      { weight: 1, arbitrary: fc.constantFrom(Uint8Array.of(1), Uint8Array.of(1, 0), Uint8Array.of(2, 10), Uint8Array.of(1, 0, 0)) },
      { weight: 1, arbitrary: bytes(600) },
      { weight: 1, arbitrary: fc.integer({ min: 16385, max: 17000 }).map((n) => new Uint8Array(n)) },
    ),
    lengthDelta,
  )
  .map(([type, version, fragment, d]) => concat(Uint8Array.of(type), be16(version), prefixed(2, fragment, d)));

/** A flight: one to three records, sometimes a generated handshake message in the record type the state expects. */
export const flight: fc.Arbitrary<Uint8Array> = fc.array(record, { minLength: 1, maxLength: 3 }).map((rs) => concat(...rs));
