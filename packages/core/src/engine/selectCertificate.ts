import type { CertificateKeyPair, ContextConfig } from './config.js';

/**
 * The server certificate for a client's SNI name: an exact name first, then a one-label wildcard
 * ("*.example.com" matches "api.example.com", not "a.b.example.com"), then the default certificate.
 * Every backend calls this, so SNI selection is the same on all of them.
 */
export function selectCertificate(config: Pick<ContextConfig, 'certificate' | 'sniCertificates'>, servername: string | undefined): CertificateKeyPair | undefined {
  if (servername !== undefined && config.sniCertificates.size > 0) {
    const name = servername.toLowerCase().replace(/\.$/, '');
    const exact = config.sniCertificates.get(name);
    if (exact !== undefined) return exact;
    const dot = name.indexOf('.');
    if (dot > 0) {
      const wildcard = config.sniCertificates.get(`*${name.slice(dot)}`);
      if (wildcard !== undefined) return wildcard;
    }
  }
  return config.certificate;
}
