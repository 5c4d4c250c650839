/** Handshake message types, RFC 8446 §4 (and message_hash, §4.4.1), plus the TLS 1.2 ones (RFC 5246 §7.4). */
export enum HandshakeType {
  hello_request = 0,
  client_hello = 1,
  server_hello = 2,
  new_session_ticket = 4,
  end_of_early_data = 5,
  encrypted_extensions = 8,
  certificate = 11,
  server_key_exchange = 12,
  certificate_request = 13,
  server_hello_done = 14,
  certificate_verify = 15,
  client_key_exchange = 16,
  finished = 20,
  key_update = 24,
  message_hash = 254,
}

/**
 * Extension code points, RFC 8446 §4.2 and RFC 7301 (ALPN); for TLS 1.2 also ec_point_formats
 * (RFC 8422), extended_master_secret (RFC 7627), SessionTicket (RFC 5077), renegotiation_info (RFC 5746).
 */
export enum ExtensionType {
  server_name = 0,
  status_request = 5,
  supported_groups = 10,
  ec_point_formats = 11,
  signature_algorithms = 13,
  alpn = 16,
  extended_master_secret = 23,
  session_ticket = 35,
  pre_shared_key = 41,
  early_data = 42,
  supported_versions = 43,
  cookie = 44,
  psk_key_exchange_modes = 45,
  certificate_authorities = 47,
  post_handshake_auth = 49,
  signature_algorithms_cert = 50,
  key_share = 51,
  renegotiation_info = 0xff01,
}

/** ProtocolVersion values on the wire. */
export const TLS12 = 0x0303;
export const TLS13 = 0x0304;

/** psk_dhe_ke, the only PSK mode tlsport uses (RFC 8446 §4.2.9). */
export const PSK_DHE_KE = 1;
