import { DerError } from '@tlsport/core';
import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { GskSession, type GskRef, type gsk_handle } from '../handles.js';
import { certificateElements, type gsk_cert_data_elem } from '../certinfo/certInfo.js';
import { liveHandle } from './attributes.js';

/**
 * gsk_attribute_get_cert_info: GSK_PARTNER_CERT_INFO (the peer's leaf, after the handshake) or
 * GSK_LOCAL_CERT_INFO (this side's certificate from its key store). `certDataElem.value` receives
 * the elements, `certDataElementCount.value` their number.
 */
export function gsk_attribute_get_cert_info(
  my_gsk_handle: gsk_handle,
  certID: number,
  certDataElem: GskRef<gsk_cert_data_elem[]>,
  certDataElementCount: GskRef<number>,
): number {
  const handle = liveHandle(my_gsk_handle);
  if (handle === undefined) return rc.GSK_INVALID_HANDLE;
  let der: Uint8Array | undefined;
  if (certID === id.GSK_PARTNER_CERT_INFO) {
    if (!(handle instanceof GskSession)) return rc.GSK_ATTRIBUTE_INVALID_ID;
    if (handle.negotiated === undefined) return rc.GSK_INVALID_STATE;
    der = handle.negotiated.peerCertificates[0];
  } else if (certID === id.GSK_LOCAL_CERT_INFO) {
    const env = handle instanceof GskSession ? handle.env : handle;
    if (env.state !== 'initialized' && env.material === undefined) return rc.GSK_INVALID_STATE;
    der = env.material?.chain[0];
  } else {
    return rc.GSK_ATTRIBUTE_INVALID_ID;
  }
  if (der === undefined) return rc.GSK_ERROR_NO_CERTIFICATE;
  try {
    const elements = certificateElements(der);
    certDataElem.value = elements;
    certDataElementCount.value = elements.length;
    return rc.GSK_OK;
  } catch (error) {
    return error instanceof DerError ? rc.GSK_ERROR_ASN : rc.GSK_ERROR_BAD_CERTIFICATE;
  }
}

/** gsk_free_cert_data: nothing to free in a garbage-collected runtime; kept so ported code reads the same. */
export function gsk_free_cert_data(certDataElem: GskRef<gsk_cert_data_elem[]>, _certDataElementCount: number): number {
  certDataElem.value = undefined;
  return rc.GSK_OK;
}
