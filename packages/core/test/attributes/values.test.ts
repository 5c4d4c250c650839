import { expect } from 'chai';
import { GskStatus } from '../../src/gsk/status.js';
import { refusal } from '../helpers/refusal.js';
import { ATTRIBUTE_IDS, checkAttribute, checkAttributes } from '../../src/attributes/values.js';
import { MemorySessionCache } from '../../src/stores/SessionCache.js';
import { TicketKeyRing } from '../../src/stores/TicketKeyRing.js';

describe('attribute values are type-checked', () => {
  it('a string where a boolean belongs is refused, naming the attribute', () => {
    const error = refusal(() => checkAttribute('rejectUnauthorized', 'false'));
    expect(error.status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION);
    expect(error.message).to.include('rejectUnauthorized: expected a boolean, got the string "false"');
  });

  it('every attribute refuses a value of the wrong kind and accepts undefined', () => {
    const wrong = Symbol('not an attribute value');
    for (const id of ATTRIBUTE_IDS) {
      expect(refusal(() => checkAttribute(id, wrong)).message, id).to.include(`${id}: expected`);
      expect(() => checkAttribute(id, undefined), id).not.to.throw();
    }
  });

  it('accepts the shapes Node tls and GSKit use', () => {
    expect(() =>
      checkAttributes({
        ca: [Buffer.from('pem'), 'pem'],
        groups: ['x25519'],
        ALPNProtocols: ['h2'],
        GSK_PROTOCOL_TLSV13: 'GSK_PROTOCOL_TLSV13_ON',
        GSK_PROTOCOL_TLSV12: false,
        sniCertificates: { 'a.example': { cert: 'c', key: 'k', passphrase: 'p' } },
        keylog: () => undefined,
        session: new Uint8Array(2),
        pfx: [Buffer.from('der'), { buf: 'der', passphrase: 'p' }, { buf: new Uint8Array(1) }],
      }),
    ).not.to.throw();
  });

  it('refuses an unknown id, a bad enumeration and a malformed sniCertificates entry', () => {
    expect(refusal(() => checkAttribute('rejectUnauthorised', false)).status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_ID);
    expect(refusal(() => checkAttribute('toString', 'x')).status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_ID);
    expect(refusal(() => checkAttribute('GSK_SESSION_TYPE', 'GSK_SERVER')).status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION);
    expect(refusal(() => checkAttribute('handshakeTimeoutMs', NaN)).status).to.equal(GskStatus.GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE);
    expect(refusal(() => checkAttribute('sniCertificates', { 'a.example': { cert: 'c' } })).message).to.include('sniCertificates');
    // Node's object form only occurs in an array; a passphrase must be text.
    expect(refusal(() => checkAttribute('pfx', { buf: Buffer.from('der') })).message).to.include('pfx: expected PKCS#12 bytes');
    expect(refusal(() => checkAttribute('pfx', [{ buf: Buffer.from('der'), passphrase: 1 }])).status).to.equal(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER);
  });

  it('ticketKeys takes a TicketKeyRing (not a 48-byte key), sessionCache anything with get/set/delete/close', async () => {
    const ring = await TicketKeyRing.open();
    try {
      expect(() => checkAttributes({ ticketKeys: ring, sessionCache: new MemorySessionCache() })).not.to.throw();
      expect(refusal(() => checkAttribute('ticketKeys', new Uint8Array(48))).message).to.include('ticketKeys: expected a TicketKeyRing');
      expect(refusal(() => checkAttribute('sessionCache', { get: () => undefined })).message).to.include('sessionCache: expected a SessionCache');
    } finally {
      await ring.close();
    }
  });
});
