import { gskStrerror } from '@tlsport/core';
import * as codes from './returnCodes.js';

/** The texts of the codes core's GskStatus does not carry (GSKit's own key database, LDAP, SSLv2). */
const EXTRA_TEXT: Readonly<Record<number, string>> = {
  [codes.GSK_KEY_LABEL_NOT_FOUND]: 'The certificate label was not found in the key store',
  [codes.GSK_CERTIFICATE_NOT_AVAILABLE]: 'The certificate is not available',
  [codes.GSK_ERROR_LDAP]: 'LDAP error',
  [codes.GSK_OPEN_CIPHER_ERROR]: 'The cipher could not be opened',
  [codes.GSK_KEYFILE_IO_ERROR]: 'The key store file could not be read',
  [codes.GSK_KEYFILE_INVALID_FORMAT]: 'The key store file is not in a valid format',
  [codes.GSK_KEYFILE_DUPLICATE_KEY]: 'The key store holds a duplicate key',
  [codes.GSK_KEYFILE_DUPLICATE_LABEL]: 'The key store holds a duplicate label',
  [codes.GSK_BAD_FORMAT_OR_INVALID_PASSWORD]: 'The key store is damaged or the password is wrong',
  [codes.GSK_KEYFILE_CERT_EXPIRED]: 'A certificate in the key store has expired',
  [codes.GSK_ERROR_LOAD_GSKLIB]: 'The GSKit library could not be loaded',
  [codes.GSK_NO_KEYFILE_PASSWORD]: 'No password was given for the key store',
  [codes.GSK_KEYRING_OPEN_ERROR]: 'The key store could not be opened',
  [codes.GSK_RSA_TEMP_KEY_PAIR]: 'A temporary RSA key pair could not be created',
  [codes.GSK_CLOSE_FAILED]: 'The close failed',
  [codes.GSK_ERROR_BAD_KEYFILE_LABEL]: 'The certificate label is not valid for this key store',
  [codes.GSK_ERROR_BAD_KEYFILE_PASSWORD]: 'The key store password is not valid',
  [codes.GSK_ERROR_BAD_KEY_LEN_FOR_EXPORT]: 'The key length is not valid for export',
  [codes.GSK_ERROR_BAD_CERT]: 'The certificate is not valid',
  [codes.GSK_ERROR_PERMISSION_DENIED]: 'Permission denied',
  [codes.GSK_ERROR_NO_READ_FUNCTION]: 'No read function is set',
  [codes.GSK_ERROR_NO_WRITE_FUNCTION]: 'No write function is set',
  [codes.GSK_ERROR_BAD_V2_CIPHER]: 'An SSLv2 cipher spec is not valid',
  [codes.GSK_ERROR_BAD_V3_CIPHER]: 'A cipher spec is not valid',
  [codes.GSK_ERROR_BAD_SEC_TYPE]: 'The security type is not valid',
  [codes.GSK_ERROR_BAD_SEC_TYPE_COMBINATION]: 'The combination of security types is not valid',
  [codes.GSK_ERROR_HANDLE_CREATION_FAILED]: 'The handle could not be created',
  [codes.GSK_ERROR_INITIALIZATION_FAILED]: 'Initialization failed',
  [codes.GSK_ERROR_LDAP_NOT_AVAILABLE]: 'LDAP is not available',
  [codes.GSK_ERROR_NOT_SSLV3]: 'The function needs an SSLv3-or-later session (and, in tlsport, TLS 1.3 for a cipher reset)',
  [codes.GSK_MISC_INVALID_ID]: 'The gsk_secure_soc_misc id is not valid',
  [codes.GSK_ATTRIBUTE_INVALID_SID_CACHE]: 'The session id cache setting is not valid',
  [codes.GSK_SC_OK]: 'Certificate prompt: OK',
  [codes.GSK_SC_CANCEL]: 'Certificate prompt: cancelled',
};

/** gsk_strerror: a text for every gskssl.h code; "N/A" for numbers that are not GSK codes, as IBM's does. */
export function gsk_strerror(gskReturnValue: number): string {
  return EXTRA_TEXT[gskReturnValue] ?? gskStrerror(gskReturnValue);
}

/** The return codes by name, aliases included: what a coverage count or a `switch` porter can list. */
export const GSK_RETURN_CODES: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(codes).filter(([name, v]) => name.startsWith('GSK_') && typeof v === 'number'),
);
