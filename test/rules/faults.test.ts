import { expect } from 'chai';
import { GskStatus, gskStatusName, type SecureAttributes, type TlsBackend } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';
import { BACKENDS } from '../support/backends.js';
import { faultyLeaves } from '../support/certificateFaults.js';
import { handshake, receive, sessionPair, type Pki } from '../support/sessions.js';

/**
 * docs/design.md rule 10: one failure, one code. Each fault is staged once and run with every backend
 * as the side that detects it; all must report the same GSK status, with a readable detail.
 */
interface FaultCase {
  name: string;
  /** The side whose completion is checked. */
  detector: 'client' | 'server';
  status: GskStatus;
  /** Attributes, built when the test runs (the certificates are made in `before`). */
  client?: () => SecureAttributes;
  server?: () => SecureAttributes;
}

describe('rule 10: the same fault gives the same GSK status on every backend', function () {
  let ca: TestCa;
  let otherCa: TestCa;
  let pki: Pki;
  const leaves: Record<string, Issued> = {};

  before(() => {
    ca = TestCa.root();
    otherCa = TestCa.root({ cn: 'unrelated root' });
    pki = { ca, leaf: ca.issue() };
    Object.assign(leaves, faultyLeaves(ca, otherCa));
    leaves.rsa = ca.issue({ keyType: 'rsa-2048' });
    leaves.client = ca.issue({ cn: 'client', eku: 'clientAuth' });
  });
  after(() => {
    ca.dispose();
    otherCa.dispose();
  });

  const serving = (leaf: string) => (): SecureAttributes => ({ cert: leaves[leaf]!.chain, key: leaves[leaf]!.key });

  const cases: FaultCase[] = [
    { name: 'expired certificate', detector: 'client', status: GskStatus.GSK_ERROR_BAD_DATE, server: serving('expired') },
    { name: 'not yet valid certificate', detector: 'client', status: GskStatus.GSK_TLSPORT_ERROR_NOT_YET_VALID, server: serving('notYetValid') },
    { name: 'unknown CA', detector: 'client', status: GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, server: serving('unknownCa') },
    { name: 'self-signed leaf', detector: 'client', status: GskStatus.GSK_ERROR_SELF_SIGNED, server: serving('selfSigned') },
    { name: 'host name mismatch', detector: 'client', status: GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH, server: serving('otherHost') },
    { name: 'IP address mismatch', detector: 'client', status: GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH, client: () => ({ servername: '127.0.0.2' }) },
    {
      name: 'no shared cipher suite',
      detector: 'server',
      status: GskStatus.GSK_ERROR_NO_CIPHERS,
      client: () => ({ cipherSuites: 'TLS_AES_128_GCM_SHA256', maxVersion: 'TLSv1.3', minVersion: 'TLSv1.3' }),
      server: () => ({ cipherSuites: 'TLS_AES_256_GCM_SHA384', minVersion: 'TLSv1.3' }),
    },
    {
      name: 'no shared group',
      detector: 'server',
      status: GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP,
      client: () => ({ groups: 'x25519', minVersion: 'TLSv1.3' }),
      server: () => ({ groups: 'P-384', minVersion: 'TLSv1.3' }),
    },
    {
      name: 'protocol version',
      detector: 'client',
      status: GskStatus.GSK_TLSPORT_ERROR_PROTOCOL_VERSION,
      client: () => ({ maxVersion: 'TLSv1.2' }),
      server: () => ({ minVersion: 'TLSv1.3' }),
    },
    {
      name: 'required client certificate missing',
      detector: 'server',
      status: GskStatus.GSK_TLSPORT_ERROR_CERTIFICATE_REQUIRED,
      server: () => ({ GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL', ca: ca.cert }),
    },
    {
      name: 'client certificate from an unknown CA',
      detector: 'server',
      status: GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT,
      client: () => ({ cert: leaves.unknownCa!.chain, key: leaves.unknownCa!.key }),
      server: () => ({ GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL', ca: ca.cert }),
    },
  ];

  /**
   * The peer on the other side of the detector: node-tls, the reference. A peer that only hears an
   * alert cannot always tell faults apart (handshake_failure covers no shared cipher and no shared
   * group), so each case is checked on the side that detects it.
   */
  const reference = BACKENDS[0]!;

  for (const backend of BACKENDS) {
    describe(`${backend.name} detecting`, () => {
      for (const fault of cases) {
        it(fault.name, async () => {
          const [clientBackend, serverBackend]: TlsBackend[] = fault.detector === 'client' ? [backend, reference] : [reference, backend];
          const pair = await sessionPair(clientBackend, serverBackend, pki, fault.client?.() ?? {}, fault.server?.() ?? {});
          try {
            const result = await handshake(pair);
            const seen = result[fault.detector];
            expect(gskStatusName(seen.returnValue), String(seen.error?.message)).to.equal(gskStatusName(fault.status));
            expect(seen.error?.message, 'a readable detail').to.be.a('string').and.have.length.greaterThan(10);
            const otherSide = fault.detector === 'client' ? 'server' : 'client';
            const other = result[otherSide];
            if (other.returnValue === GskStatus.GSK_OK) {
              // TLS 1.3: a client finishes before the server has judged its certificate; the
              // server's alert then ends the session at the client's next receive.
              const c = await receive(pair[otherSide], pair.port);
              expect(c.returnValue, 'the other side fails too').to.not.equal(GskStatus.GSK_OK);
            }
          } finally {
            await pair.close();
          }
        });
      }
    });
  }
});
