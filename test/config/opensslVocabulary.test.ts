import { expect } from 'chai';
import { AlertDescription, type TlsFault } from '@tlsport/core';
import { opensslReasonText, SSL_REASON_FAULTS, VERIFY_ERRORS, type SslReasonName, type VerifyErrorName } from '@tlsport/core/openssl';
import { tlsErrorFromNode } from '@tlsport/backend-node-tls';
import { opensslConstant, opensslText, toTlsError } from '@tlsport/backend-openssl';

const ERR_LIB_SSL = opensslConstant('ERR_LIB_SSL');

/** What the openssl backend reports for a libssl reason it read from the error queue. */
function opensslFault(reason: number, verifyResult?: number): TlsFault {
  return toTlsError({ state: 'failed', errors: [{ library: ERR_LIB_SSL, reason, text: 'x' }], verifyResult }).fault;
}

/** What the node-tls backend reports for the error Node builds from the same reason. */
function nodeFault(fields: { code: string; reason?: string; message: string }): TlsFault {
  return tlsErrorFromNode(Object.assign(new Error(fields.message), fields)).fault;
}

/**
 * One OpenSSL vocabulary for the two OpenSSL-based backends: every SSL_R_* and X509_V_ERR_* name
 * in core's table maps to the same fault on both, and the texts node-tls matches are the ones the
 * OpenSSL inside this node gives (read through the addon, not retyped).
 */
describe('one OpenSSL vocabulary: openssl and node-tls map every name alike', () => {
  const reasons = Object.entries(SSL_REASON_FAULTS) as [SslReasonName, TlsFault][];
  const verifyErrors = Object.entries(VERIFY_ERRORS) as [VerifyErrorName, (typeof VERIFY_ERRORS)[VerifyErrorName]][];

  it(`${reasons.length} SSL_R_* reasons: OpenSSL's text, the same fault on both`, () => {
    for (const [name, fault] of reasons) {
      const value = opensslConstant(name);
      const text = opensslText.reason(ERR_LIB_SSL, value);
      expect(text, name).to.equal(opensslReasonText(name));
      expect(opensslFault(value), `openssl ${name}`).to.equal(fault);
      const code = `ERR_SSL_${name.slice('SSL_R_'.length)}`;
      expect(nodeFault({ code, reason: text!, message: `error:0A000000:SSL routines::${text}` }), `node-tls ${name}`).to.equal(fault);
      expect(nodeFault({ code, message: 'reason known only from the code' }), `node-tls ${code}`).to.equal(fault);
    }
  });

  it(`${verifyErrors.length} X509_V_ERR_* results: OpenSSL's text, the same fault on both`, () => {
    const verifyFailed = opensslConstant('SSL_R_CERTIFICATE_VERIFY_FAILED');
    for (const [name, row] of verifyErrors) {
      const value = opensslConstant(name);
      expect(opensslText.verify(value), name).to.equal(row.text);
      expect(opensslFault(verifyFailed, value), `openssl ${name}`).to.equal(row.fault);
      // Node names the codes it knows, and says UNSPECIFIED with OpenSSL's text for the rest.
      expect(nodeFault({ code: name.slice('X509_V_ERR_'.length), message: row.text }), `node-tls ${name}`).to.equal(row.fault);
      expect(nodeFault({ code: 'UNSPECIFIED', message: row.text }), `node-tls UNSPECIFIED ${name}`).to.equal(row.fault);
    }
  });

  it('the reasons that once fell to GSK_INTERNAL_ERROR on openssl map on both', () => {
    // parse tlsext and https proxy request are libssl reasons; bad record mac, record overflow and
    // wrong message type are no reason of OpenSSL 3's libssl: they arrive as peer alerts.
    for (const name of ['SSL_R_PARSE_TLSEXT', 'SSL_R_HTTPS_PROXY_REQUEST'] as const) {
      expect(opensslFault(opensslConstant(name))).to.equal('bad-message');
      expect(nodeFault({ code: `ERR_SSL_${name.slice(6)}`, reason: opensslReasonText(name), message: name })).to.equal('bad-message');
    }
    const offset = opensslConstant('SSL_AD_REASON_OFFSET');
    for (const [alert, fault] of [[AlertDescription.bad_record_mac, 'bad-mac'], [AlertDescription.record_overflow, 'record-overflow'], [AlertDescription.unexpected_message, 'unexpected-message']] as const) {
      const text = opensslText.reason(ERR_LIB_SSL, offset + alert)!;
      expect(opensslFault(offset + alert), text).to.equal(fault);
      expect(nodeFault({ code: `ERR_SSL_${text.toUpperCase().replace(/ /g, '_')}`, reason: text, message: text }), text).to.equal(fault);
    }
  });
});
