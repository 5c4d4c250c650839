import type { ConnectionInfo } from './responders.js';

/** The -www page: an HTTP/1.0 response whose body states what this connection negotiated. */
export function wwwPage({ backend, negotiated: n }: ConnectionInfo, requestLine: string): string {
  const rows: [string, string][] = [
    ['Backend', backend],
    ['Protocol', n.version],
    ['Cipher', n.cipherSuite],
    ['Group', n.group ?? '-'],
    ['ALPN', n.alpnProtocol ?? '-'],
    ['SNI', n.servername ?? '-'],
    ['Resumed', n.resumed ? 'yes' : 'no'],
    ['Client certificate', n.peerCertificate === undefined ? '-' : `${n.peerCertificate.subject.replace(/\n/g, ', ')} (verified: ${n.peerCertificate.verified ? 'yes' : 'no'})`],
    ['Request', requestLine],
  ];
  const body = [
    '<!DOCTYPE html>',
    '<html><head><title>tlsport s_server</title></head><body>',
    '<h1>tlsport s_server</h1>',
    '<pre>',
    ...rows.map(([name, value]) => `${name}: ${escapeHtml(value)}`),
    '</pre>',
    '</body></html>',
    '',
  ].join('\n');
  return `HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
