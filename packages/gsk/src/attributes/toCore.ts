import { certificatePem, type KeyMaterial, type SecureAttributes } from '@tlsport/core';
import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { listItems } from './checks.js';
import { attributeSpec } from './table.js';

/** What GSKit checks after the handshake that the engines' verify-or-not switch cannot say alone. */
export interface AuthPolicy {
  readonly role: 'client' | 'server';
  /** Server: a client certificate is required (…_CL_AUTH_CRITICAL or GSK_OS400_CLIENT_AUTH_REQUIRED). */
  readonly clientCertRequired: boolean;
  /** A peer certificate that does not verify fails the session (FULL auth; PASSTHRU accepts it). */
  readonly verifyPeer: boolean;
  /** GSK_CERT_VALIDATION_CALLBACK: the application has the last word on the peer's chain. */
  readonly callback: CertValidationCallback | undefined;
}

/** GSK_CERT_VALIDATION_CALLBACK's structure: the chain (DER, leaf first) and tlsport's verdict in, GSK_OK to accept. */
export interface CertValidationCallback {
  validation_callback(certificateChain: readonly Uint8Array[], validationStatus: number): number;
}

/** The attribute's value on the handle being resolved, else its documented default. */
export type Lookup = (attributeId: number) => unknown;

export class AttributeStatusError extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
  }
}

function valueOr<T>(lookup: Lookup, attributeId: number): T {
  const v = lookup(attributeId);
  return (v === undefined ? attributeSpec(attributeId)?.defaultValue : v) as T;
}

function versions(lookup: Lookup): Pick<SecureAttributes, 'minVersion' | 'maxVersion' | 'cipherSuites' | 'ciphers'> {
  const suites13 = valueOr<string>(lookup, id.GSK_TLSV13_CIPHER_SPECS_EX);
  const suites12 = valueOr<string>(lookup, id.GSK_TLSV12_CIPHER_SPECS_EX);
  // An empty suite list switches its version off, as GSKit does.
  const tls13 = valueOr<number>(lookup, id.GSK_PROTOCOL_TLSV13) === id.GSK_TRUE && listItems(suites13).length > 0;
  const tls12 = valueOr<number>(lookup, id.GSK_PROTOCOL_TLSV12) === id.GSK_TRUE && listItems(suites12).length > 0;
  if (!tls13 && !tls12) throw new AttributeStatusError(rc.GSK_ERROR_NO_CIPHERS, 'no protocol version with cipher specs is enabled (TLS 1.2 and 1.3 are off or have empty lists)');
  return {
    minVersion: tls12 ? 'TLSv1.2' : 'TLSv1.3',
    maxVersion: tls13 ? 'TLSv1.3' : 'TLSv1.2',
    cipherSuites: listItems(suites13).join(':'),
    ciphers: listItems(suites12).join(':'),
  };
}

function authPolicy(lookup: Lookup): AuthPolicy & Pick<SecureAttributes, 'requestCert' | 'rejectUnauthorized'> {
  const sessionType = valueOr<number>(lookup, id.GSK_SESSION_TYPE);
  const callback = lookup(id.GSK_CERT_VALIDATION_CALLBACK) as CertValidationCallback | undefined;
  if (sessionType === id.GSK_CLIENT_SESSION) {
    const verifyPeer = valueOr<number>(lookup, id.GSK_SERVER_AUTH_TYPE) === id.GSK_SERVER_AUTH_FULL;
    return { role: 'client', clientCertRequired: false, verifyPeer, callback, requestCert: false, rejectUnauthorized: verifyPeer && callback === undefined };
  }
  const clientAuth = valueOr<number>(lookup, id.GSK_CLIENT_AUTH_TYPE);
  const verifyPeer = clientAuth !== id.GSK_CLIENT_AUTH_PASSTHRU;
  const asks = sessionType !== id.GSK_SERVER_SESSION;
  const clientCertRequired = sessionType === id.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL || (asks && clientAuth === id.GSK_OS400_CLIENT_AUTH_REQUIRED);
  // The engines verify-and-require in one switch; optional-but-verified (WITH_CL_AUTH) is checked after the handshake.
  const engineEnforces = clientCertRequired && verifyPeer && callback === undefined;
  return { role: 'server', clientCertRequired, verifyPeer, callback, requestCert: asks, rejectUnauthorized: engineEnforces };
}

/**
 * Turns the GSKit attributes of an environment (or a session over it) and its key material into
 * core's attributes and the post-handshake policy. Throws AttributeStatusError with GSKit's status.
 */
export function toCoreAttributes(lookup: Lookup, material: KeyMaterial | undefined): { attrs: SecureAttributes; policy: AuthPolicy } {
  const { requestCert, rejectUnauthorized, ...policy } = authPolicy(lookup);
  const attrs: SecureAttributes = { role: policy.role, requestCert, rejectUnauthorized, ...versions(lookup) };
  attrs.groups = listItems(valueOr<string>(lookup, id.GSK_TLS_ECURVE_LIST));
  const alpn = listItems(valueOr<string>(lookup, id.GSK_ALPN_PROTOCOLS));
  if (alpn.length > 0) attrs.ALPNProtocols = alpn;
  const sni = valueOr<string>(lookup, id.GSK_SSL_EXTN_SERVERNAME_REQUEST);
  if (policy.role === 'client' && sni !== '') attrs.servername = sni;
  attrs.handshakeTimeoutMs = valueOr<number>(lookup, id.GSK_HANDSHAKE_TIMEOUT) * 1000;
  attrs.sessionTickets = valueOr<number>(lookup, id.GSK_V3_SESSION_TIMEOUT) > 0;
  if (material !== undefined) {
    if (material.trusted.length > 0) attrs.ca = material.trusted.map(certificatePem);
    if (material.chain.length > 0 && material.keyPem !== undefined) {
      attrs.cert = material.chain.map(certificatePem).join('');
      attrs.key = material.keyPem;
    }
  }
  if (policy.role === 'server' && attrs.cert === undefined) {
    throw new AttributeStatusError(rc.GSK_ERROR_NO_CERTIFICATE, 'a server session needs a certificate: set GSK_IBMI_APPLICATION_ID or GSK_KEYRING_FILE (+ GSK_KEYRING_PW, GSK_KEYRING_LABEL)');
  }
  return { attrs, policy };
}
