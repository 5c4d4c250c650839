import { expect } from 'chai';
import { GskStatus } from '@tlsport/core';
import { tlsErrorFromNode } from '../src/faultTable.js';

/** OpenSSL reasons as Node reports them map as the openssl backend maps the same SSL_R_* reason. */
describe('node-tls fault table: OpenSSL reasons', () => {
  const cases: [string, string, GskStatus][] = [
    ['invalid session id', 'illegal-parameter', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['bad change cipher spec', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['invalid ccs message', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['ccs received early', 'unexpected-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['invalid alert', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['cert length mismatch', 'bad-message', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['wrong signature type', 'illegal-parameter', GskStatus.GSK_ERROR_BAD_MESSAGE],
    ['digest check failed', 'bad-signature', GskStatus.GSK_ERROR_BAD_CERT_SIG],
  ];
  for (const [reason, fault, status] of cases) {
    it(`"${reason}" -> ${fault}`, () => {
      const code = `ERR_SSL_${reason.toUpperCase().replace(/ /g, '_')}`;
      const error = tlsErrorFromNode(Object.assign(new Error(`error:0A000000:SSL routines::${reason}`), { code, reason, library: 'SSL routines' }));
      expect(error.fault).to.equal(fault);
      expect(error.status).to.equal(status);
    });
  }
});
