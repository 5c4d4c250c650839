import { groupByName, suiteByName, TlsError, type HandshakeResult, type TlsVersion } from '@tlsport/core/spi';
import { opensslConstant, type NativeHandshakeInfo } from './native.js';

const X509_V_OK = opensslConstant('X509_V_OK');
const VERSION_NAMES = new Map<number, TlsVersion>([
  [opensslConstant('TLS1_2_VERSION'), 'TLSv1.2'],
  [opensslConstant('TLS1_3_VERSION'), 'TLSv1.3'],
]);

/** The SPI's HandshakeResult from what OpenSSL negotiated, names translated through core's tables. */
export function handshakeResult(info: NativeHandshakeInfo): HandshakeResult {
  const version = VERSION_NAMES.get(info.version);
  const suite = suiteByName(info.cipher);
  if (version === undefined || suite === undefined) {
    // The SSL is restricted to tlsport's versions and suites, so this is a bug, not a peer's doing.
    throw new TlsError('internal', `OpenSSL negotiated ${info.version.toString(16)} / ${info.cipher}, outside tlsport's scope`);
  }
  return {
    version,
    cipherSuite: suite.name,
    // OpenSSL reports the original session's group for a 1.2 resumption, which did no key exchange.
    group: info.group === undefined || (version === 'TLSv1.2' && info.resumed) ? undefined : groupByName(info.group)?.name,
    alpnProtocol: info.alpn,
    servername: info.servername,
    resumed: info.resumed,
    peerCertificates: info.peerCertificates,
    peerVerified: info.peerCertificates.length > 0 && info.verifyResult === X509_V_OK,
  };
}
