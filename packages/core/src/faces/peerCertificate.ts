import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';

/** Node's certificate object (X509ToObject in src/crypto/crypto_common.cc), from X509Certificate's legacy view. */
function legacyObject(certificate: X509Certificate): PeerCertificate {
  return (certificate as unknown as { toLegacyObject(): PeerCertificate }).toLegacyObject();
}

/** Parsed trust anchors, kept per PEM list so a long root bundle is parsed once. */
const parsedAnchors = new WeakMap<readonly string[], X509Certificate[]>();

function parse(anchors: readonly string[]): X509Certificate[] {
  let parsed = parsedAnchors.get(anchors);
  if (parsed === undefined) {
    parsed = anchors.map((pem) => new X509Certificate(pem));
    parsedAnchors.set(anchors, parsed);
  }
  return parsed;
}

/**
 * The chain as node:tls's getPeerCertificate(true) builds it: from the leaf, each certificate's
 * issuer among the ones the peer sent, then among the trust anchors, until a self-issued one.
 * Bounded by the certificates available, so a looping chain cannot run for ever.
 */
function issuerChain(sent: readonly X509Certificate[], anchors: () => readonly string[]): X509Certificate[] {
  const chain = [sent[0]!];
  const unused = sent.slice(1);
  for (let current = sent[0]!; !current.checkIssued(current); ) {
    let at = unused.findIndex((c) => current.checkIssued(c));
    let issuer = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    if (issuer === undefined) {
      const trusted = parse(anchors());
      at = trusted.findIndex((c) => current.checkIssued(c) && !chain.includes(c));
      issuer = at >= 0 ? trusted[at] : undefined;
    }
    if (issuer === undefined || chain.length > sent.length + 16) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

/**
 * getPeerCertificate(detailed) in Node's shape: `{}` when the peer sent no certificate; the
 * leaf's object; with `detailed`, `issuerCertificate` links up the chain, a self-issued root
 * pointing at itself.
 */
export function peerCertificate(der: readonly Uint8Array[], detailed: boolean, anchors: () => readonly string[]): PeerCertificate | DetailedPeerCertificate | object {
  if (der.length === 0) return {};
  const sent = der.map((d) => new X509Certificate(d));
  if (!detailed) return legacyObject(sent[0]!);
  const objects = issuerChain(sent, anchors).map((c) => [c, legacyObject(c) as DetailedPeerCertificate] as const);
  objects.forEach(([, object], i) => {
    const next = objects[i + 1];
    if (next !== undefined) object.issuerCertificate = next[1];
  });
  const [lastCertificate, lastObject] = objects[objects.length - 1]!;
  if (lastCertificate.checkIssued(lastCertificate)) lastObject.issuerCertificate = lastObject;
  return objects[0]![1];
}

/** A certificate PEM (a chain: its first) in Node's shape, for getCertificate(). */
export function ownCertificate(pem: string | Uint8Array | undefined): PeerCertificate | object {
  return pem === undefined ? {} : legacyObject(new X509Certificate(Buffer.from(pem)));
}

/**
 * Why a peer chain the engine did not verify fails, as node:tls's `authorizationError` says it
 * (X509_V_ERR names): the first of the usual reasons that applies.
 */
export function unverifiedReason(der: readonly Uint8Array[], hostname: string | undefined, anchors: () => readonly string[], now = new Date()): string {
  if (der.length === 0) return 'UNABLE_TO_GET_ISSUER_CERT';
  const sent = der.map((d) => new X509Certificate(d));
  const leaf = sent[0]!;
  if (leaf.checkIssued(leaf)) return 'DEPTH_ZERO_SELF_SIGNED_CERT';
  const chain = issuerChain(sent, anchors);
  const trusted = parse(anchors());
  const anchored = chain.some((c) => trusted.some((t) => t.raw.equals(c.raw)));
  if (!anchored) {
    const last = chain[chain.length - 1]!;
    if (last.checkIssued(last)) return 'SELF_SIGNED_CERT_IN_CHAIN';
    return chain.length === 1 ? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
  }
  for (const c of chain) {
    if (new Date(c.validTo) < now) return 'CERT_HAS_EXPIRED';
    if (new Date(c.validFrom) > now) return 'CERT_NOT_YET_VALID';
  }
  if (hostname !== undefined && (isIP(hostname) === 0 ? leaf.checkHost(hostname) : leaf.checkIP(hostname)) === undefined) return 'ERR_TLS_CERT_ALTNAME_INVALID';
  return 'CERT_REJECTED';
}
