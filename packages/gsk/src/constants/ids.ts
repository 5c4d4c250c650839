/**
 * GSKit attribute ids and enumeration values. A number below 9000 is IBM's, as IBM i's API pages
 * print it beside the name (gsk_attribute_set_/get_buffer, _enum, _numeric_value, _callback for
 * 7.2-7.4, and the V6R1 "Secure Sockets APIs" book); the page an id comes from is named where the
 * number is newer than V6R1 or read elsewhere. Names whose number none of those pages prints carry numbers from
 * tlsport's own range (9000-9999), so a program written with the names ports unchanged and a
 * number never means two things. `ATTRIBUTES.get(id).ibm` says which is which.
 */

// ---- GSK_BUF_ID ----------------------------------------------------------------------------------
export const GSK_USER_DATA = 200;
export const GSK_KEYRING_FILE = 201;
export const GSK_KEYRING_PW = 202;
export const GSK_KEYRING_LABEL = 203;
export const GSK_KEYRING_STASH_FILE = 204;
export const GSK_V2_CIPHER_SPECS = 205;
export const GSK_V3_CIPHER_SPECS = 206;
export const GSK_CONNECT_CIPHER_SPEC = 207;
export const GSK_CONNECT_SEC_TYPE = 208;
export const GSK_SSL_EXTN_SERVERNAME_REQUEST = 230;
/** IBM's GSKit attribute appendix (Security Access Manager 9.0.6), which gives 230 for the request as IBM i does. */
export const GSK_SSL_EXTN_SERVERNAME_CRITICAL_REQUEST = 231;
export const GSK_TLSV10_CIPHER_SPECS = 236;
export const GSK_TLSV11_CIPHER_SPECS = 237;
export const GSK_TLSV12_CIPHER_SPECS = 238;
/** IBM i 7.2 gsk_attribute_get_buffer. */
export const GSK_TLSV12_CIPHER_SPECS_EX = 243;
export const GSK_KEYRING_LABEL_EX = 254;
/** IBM i 7.3 gsk_attribute_set_buffer / get_buffer. */
export const GSK_TLSV13_CIPHER_SPECS_EX = 2008;
export const GSK_IBMI_APPLICATION_ID = 6999;
export const GSK_OS400_APPLICATION_ID = GSK_IBMI_APPLICATION_ID;
// tlsport-numbered buffers (names as IBM i documents them).
export const GSK_V3_CIPHER_SPECS_EX = 9201;
export const GSK_TLSV10_CIPHER_SPECS_EX = 9202;
export const GSK_TLSV11_CIPHER_SPECS_EX = 9203;
export const GSK_CONNECT_CIPHER_SPEC_EX = 9206;
export const GSK_SSL_EXTN_SERVERNAME_LIST = 9208;
export const GSK_TLS_ECURVE_LIST = 9209;
/** Comma-separated ALPN protocol ids, in preference order. */
export const GSK_ALPN_PROTOCOLS = 9210;
/** After the handshake: the ALPN protocol agreed ("" when none). */
export const GSK_ALPN_NEGOTIATED = 9211;
/** After the handshake: the SNI name the client sent (server) or asked for (client). */
export const GSK_SSL_EXTN_SERVERNAME_NEGOTIATED = 9212;

// ---- GSK_NUM_ID ----------------------------------------------------------------------------------
export const GSK_FD = 300;
export const GSK_V2_SESSION_TIMEOUT = 301;
export const GSK_V3_SESSION_TIMEOUT = 302;
export const GSK_V2_SIDCACHE_SIZE = 304;
export const GSK_V3_SIDCACHE_SIZE = 305;
/** IBM i 7.2/7.3 gsk_attribute_get_numeric_value (the receive time-out; curl's OS/400 layer spells it GSK_OS400_READ_TIMEOUT). */
export const GSK_IBMI_READ_TIMEOUT = 6993;
export const GSK_OS400_READ_TIMEOUT = GSK_IBMI_READ_TIMEOUT;
export const GSK_CERTIFICATE_VALIDATION_CODE = 6996;
export const GSK_HANDSHAKE_TIMEOUT = 6998;
export const GSK_LAST_VALIDATION_ERROR = 9302;

// ---- GSK_ENUM_ID ---------------------------------------------------------------------------------
export const GSK_CLIENT_AUTH_TYPE = 401;
export const GSK_SESSION_TYPE = 402;
export const GSK_PROTOCOL_SSLV2 = 403;
export const GSK_PROTOCOL_SSLV3 = 404;
export const GSK_PROTOCOL_USED = 405;
export const GSK_SID_FIRST = 406;
/** The master switch of every TLS 1.x (takes _ON/_OFF); the per-version switches below override it. */
export const GSK_PROTOCOL_TLSV1 = 407;
export const GSK_SERVER_AUTH_TYPE = 410;
/** What gsk_environment_close does with sessions still open (V6R1 book, gsk_attribute_get_enum). */
export const GSK_ENVIRONMENT_CLOSE_OPTIONS = 411;
/** TLS 1.0 alone, GSK_TRUE/GSK_FALSE (IBM i 7.2 gsk_attribute_set_enum): its own id, not GSK_PROTOCOL_TLSV1. */
export const GSK_PROTOCOL_TLSV10 = 436;
export const GSK_PROTOCOL_TLSV11 = 437;
export const GSK_PROTOCOL_TLSV12 = 438;
export const GSK_PROTOCOL_TLSV13 = 4030;

// ---- GSK_ENUM_VALUE ------------------------------------------------------------------------------
export const GSK_FALSE = 0;
export const GSK_TRUE = 1;
export const GSK_NULL = 500;
export const GSK_CLIENT_AUTH_FULL = 503;
export const GSK_CLIENT_AUTH_PASSTHRU = 505;
export const GSK_CLIENT_SESSION = 507;
export const GSK_SERVER_SESSION = 508;
export const GSK_SERVER_SESSION_WITH_CL_AUTH = 509;
export const GSK_PROTOCOL_SSLV2_ON = 510;
export const GSK_PROTOCOL_SSLV2_OFF = 511;
export const GSK_PROTOCOL_SSLV3_ON = 512;
export const GSK_PROTOCOL_SSLV3_OFF = 513;
export const GSK_PROTOCOL_USED_SSLV2 = 514;
export const GSK_PROTOCOL_USED_SSLV3 = 515;
export const GSK_SID_IS_FIRST = 516;
export const GSK_SID_NOT_FIRST = 517;
export const GSK_PROTOCOL_TLSV1_ON = 518;
export const GSK_PROTOCOL_TLSV1_OFF = 519;
export const GSK_PROTOCOL_USED_TLSV1 = 520;
export const GSK_SERVER_AUTH_FULL = 534;
export const GSK_SERVER_AUTH_PASSTHRU = 535;
/** GSK_ENVIRONMENT_CLOSE_OPTIONS: call GSK_ENVIRONMENT_CLOSE_CALLBACK once the last session is gone. */
export const GSK_DELAYED_ENVIRONMENT_CLOSE = 536;
export const GSK_NORMAL_ENVIRONMENT_CLOSE = 537;
export const GSK_OS400_CLIENT_AUTH_REQUIRED = 6995;
export const GSK_IBMI_CLIENT_AUTH_REQUIRED = GSK_OS400_CLIENT_AUTH_REQUIRED;
// Newer switches take GSK_TRUE/GSK_FALSE (IBM's gsk_attribute_get_enum page); the _ON/_OFF
// spellings some programs use are the same two values.
export const GSK_PROTOCOL_TLSV11_ON = GSK_TRUE;
export const GSK_PROTOCOL_TLSV11_OFF = GSK_FALSE;
export const GSK_PROTOCOL_TLSV12_ON = GSK_TRUE;
export const GSK_PROTOCOL_TLSV12_OFF = GSK_FALSE;
export const GSK_PROTOCOL_TLSV13_ON = GSK_TRUE;
export const GSK_PROTOCOL_TLSV13_OFF = GSK_FALSE;
// tlsport-numbered values.
export const GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL = 9501;
export const GSK_PROTOCOL_USED_TLSV11 = 9502;
export const GSK_PROTOCOL_USED_TLSV12 = 9503;
export const GSK_PROTOCOL_USED_TLSV13 = 9504;

// ---- GSK_CALLBACK_ID, GSK_CERT_ID, GSK_MISC_ID ---------------------------------------------------
/** IBM i 7.3 gsk_attribute_set_callback (and the V6R1 book), as the next one. */
export const GSK_ENVIRONMENT_CLOSE_CALLBACK = 804;
export const GSK_CERT_VALIDATION_CALLBACK = 805;
export const GSK_PARTNER_CERT_INFO = 700;
export const GSK_LOCAL_CERT_INFO = 701;
export const GSK_RESET_CIPHER = 100;
export const GSK_RESET_SESSION = 101;

// ---- GSK_CERT_DATA_ID (gsk_attribute_get_cert_info elements) -------------------------------------
export const CERT_BODY_DER = 600;
export const CERT_BODY_BASE64 = 601;
export const CERT_SERIAL_NUMBER = 602;
export const CERT_COMMON_NAME = 610;
export const CERT_LOCALITY = 611;
export const CERT_STATE_OR_PROVINCE = 612;
export const CERT_COUNTRY = 613;
export const CERT_ORG = 614;
export const CERT_ORG_UNIT = 615;
export const CERT_DN_PRINTABLE = 616;
export const CERT_DN_DER = 617;
export const CERT_POSTAL_CODE = 618;
export const CERT_EMAIL = 619;
export const CERT_ISSUER_COMMON_NAME = 650;
export const CERT_ISSUER_LOCALITY = 651;
export const CERT_ISSUER_STATE_OR_PROVINCE = 652;
export const CERT_ISSUER_COUNTRY = 653;
export const CERT_ISSUER_ORG = 654;
export const CERT_ISSUER_ORG_UNIT = 655;
export const CERT_ISSUER_DN_PRINTABLE = 656;
export const CERT_ISSUER_DN_DER = 657;
export const CERT_ISSUER_POSTAL_CODE = 658;
export const CERT_ISSUER_EMAIL = 659;
export const CERT_VERSION = 660;
export const CERT_SIGNATURE_ALGORITHM = 661;
export const CERT_VALID_FROM = 662;
export const CERT_VALID_TO = 663;
