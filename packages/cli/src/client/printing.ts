import { X509Certificate } from 'node:crypto';
import type { Negotiated } from '@tlsport/core';

const oneLine = (name: string): string => name.replace(/\n/g, ', ');

/**
 * -showcerts: the chain as openssl prints it: "Certificate chain", then per certificate its
 * depth, subject (s:) and issuer (i:) and the PEM.
 */
export function certificateChain(chain: readonly Uint8Array[]): string {
  const lines = ['---', 'Certificate chain'];
  chain.forEach((der, depth) => {
    const x = new X509Certificate(der);
    lines.push(` ${depth} s:${oneLine(x.subject)}`, `   i:${oneLine(x.issuer)}`, x.toString().trimEnd());
  });
  lines.push('---');
  return lines.join('\n') + '\n';
}

/** -brief: what openssl's -brief prints once the handshake is done. */
export function briefLines(n: Negotiated): string[] {
  const peer = n.peerCertificate;
  return [
    'CONNECTION ESTABLISHED',
    `Protocol version: ${n.version}`,
    `Ciphersuite: ${n.cipherSuite}`,
    ...(peer === undefined ? [] : [`Peer certificate: ${oneLine(peer.subject)}`, `Verification: ${peer.verified ? 'OK' : 'NOT VERIFIED'}`]),
    `Negotiated group: ${n.group ?? '-'}`,
    ...(n.alpnProtocol === undefined ? [] : [`ALPN protocol: ${n.alpnProtocol}`]),
    `Session resumed: ${n.resumed ? 'yes' : 'no'}`,
  ];
}
