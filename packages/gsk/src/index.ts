export * from './constants/returnCodes.js';
export * from './constants/ids.js';
export { gsk_strerror, GSK_RETURN_CODES } from './constants/strerror.js';
export { IBMI_ERRNO, LINUX_ERRNO, errnoName, ibmiErrno, linuxErrno } from './constants/errno.js';
export { gskRef, type GskRef, type gsk_handle, GskEnvironment, GskSession } from './handles.js';
export { ATTRIBUTES, attributeSpec } from './attributes/table.js';
export type { AttributeSpec, AttributeKind } from './attributes/spec.js';
export type { CertValidationCallback } from './attributes/toCore.js';
export { gskUseBackend, gsk_environment_open, gsk_environment_init, gsk_environment_close, type GskEnvironmentCloseCallback } from './api/environment.js';
export {
  gsk_attribute_set_buffer,
  gsk_attribute_set_enum,
  gsk_attribute_set_numeric_value,
  gsk_attribute_set_callback,
  gsk_attribute_get_buffer,
  gsk_attribute_get_enum,
  gsk_attribute_get_numeric_value,
  type GskAttributeId,
} from './api/attributes.js';
export {
  gsk_secure_soc_open,
  gsk_secure_soc_init,
  gsk_secure_soc_startInit,
  gsk_secure_soc_startRecv,
  gsk_secure_soc_startSend,
  gsk_secure_soc_read,
  gsk_secure_soc_write,
  gsk_secure_soc_close,
  gsk_secure_soc_misc,
} from './api/secureSession.js';
export { gsk_attribute_get_cert_info, gsk_free_cert_data } from './api/certInfo.js';
export type { gsk_cert_data_elem } from './certinfo/certInfo.js';
export * from './qso/overlapped.js';
export {
  errno,
  QsoCreateIOCompletionPort,
  QsoWaitForIOCompletion,
  QsoPostIOCompletion,
  QsoDestroyIOCompletionPort,
  QsoGenerateOperationId,
} from './qso/ports.js';
export { QsoStartRecv, QsoStartSend, QsoStartAccept, QsoCancelOperation, QsoIsOperationPending, accept, gskCompatibility, type GskCompatibility } from './qso/plainApi.js';
export { listenSocket, connectSocket, closeSocket, localPort } from './qso/descriptors.js';
export { gskApplicationRegistry } from './keystore/applicationRegistry.js';
export { readPkcs12, type Pkcs12Entry } from '@tlsport/core';
