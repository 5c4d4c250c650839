/** Handshake message types, RFC 8446 §4 (and message_hash, §4.4.1). */
export enum HandshakeType {
  client_hello = 1,
  server_hello = 2,
  new_session_ticket = 4,
  end_of_early_data = 5,
  encrypted_extensions = 8,
  certificate = 11,
  certificate_request = 13,
  certificate_verify = 15,
  finished = 20,
  key_update = 24,
  message_hash = 254,
}

/** Extension code points, RFC 8446 §4.2 and RFC 7301 (ALPN). */
export enum ExtensionType {
  server_name = 0,
  status_request = 5,
  supported_groups = 10,
  signature_algorithms = 13,
  alpn = 16,
  pre_shared_key = 41,
  early_data = 42,
  supported_versions = 43,
  cookie = 44,
  psk_key_exchange_modes = 45,
  certificate_authorities = 47,
  post_handshake_auth = 49,
  signature_algorithms_cert = 50,
  key_share = 51,
}

/** ProtocolVersion values on the wire. */
export const TLS12 = 0x0303;
export const TLS13 = 0x0304;

/** psk_dhe_ke, the only PSK mode tlsport uses (RFC 8446 §4.2.9). */
export const PSK_DHE_KE = 1;
