import { expect } from 'chai';
import { GskStatus } from '@tlsport/core';
import { opensslConstant } from '../src/native.js';
import { toTlsError } from '../src/toTlsError.js';

/**
 * Reasons the fuzzer reached that once fell through to GSK_INTERNAL_ERROR: each libssl reason
 * maps to the fault the pure backend reports for the same malformed input.
 */
describe('openssl fault table: libssl reasons', () => {
  const cases: [string, string, GskStatus][] = [
    ['SSL_R_INVALID_SESSION_ID', 'illegal-parameter', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_BAD_CHANGE_CIPHER_SPEC', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_INVALID_CCS_MESSAGE', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_CCS_RECEIVED_EARLY', 'unexpected-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_INVALID_ALERT', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_CERT_LENGTH_MISMATCH', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_WRONG_SIGNATURE_TYPE', 'illegal-parameter', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['SSL_R_DIGEST_CHECK_FAILED', 'bad-signature', GskStatus.GSK_ERROR_BAD_CERT_SIG],
  ];
  for (const [reason, fault, status] of cases) {
    it(`${reason} -> ${fault}`, () => {
      const error = toTlsError({ errors: [{ library: opensslConstant('ERR_LIB_SSL'), reason: opensslConstant(reason), text: reason }] } as never);
      expect(error.fault).to.equal(fault);
      expect(error.status).to.equal(status);
    });
  }

  it('an ASN.1 decode failure with no known libssl reason is a bad certificate', () => {
    const error = toTlsError({ errors: [{ library: opensslConstant('ERR_LIB_ASN1'), reason: 1, text: 'nested asn1 error' }] } as never);
    expect(error.status).to.equal(GskStatus.GSK_ERROR_BAD_CERTIFICATE);
  });

  it('anything else stays an internal error, with the queue as its detail', () => {
    const error = toTlsError({ errors: [{ library: 9999, reason: 1, text: 'something odd' }] } as never);
    expect(error.status).to.equal(GskStatus.GSK_INTERNAL_ERROR);
    expect(error.detail).to.equal('something odd');
  });
});
