import { X509Certificate } from 'node:crypto';
import { TestCa, selfSignedLeaf, type Issued } from '@tlsport/testkit';

/** A certificate and key as a TLS peer presents them: `chain` is what goes on the wire. */
export interface Presented {
  chain: string;
  key: string;
}

/**
 * The generated hierarchy: root -> intermediate -> leaves (the chain a peer sends is leaf +
 * intermediate), plus an unrelated root and the odd chains each fault needs.
 */
export class FaultHierarchy {
  readonly root: TestCa;
  readonly intermediate: TestCa;
  private readonly otherRoot: TestCa;
  readonly presented: Readonly<Record<string, Presented>>;

  constructor() {
    this.root = TestCa.root({ cn: 'tlsport fault root' });
    this.intermediate = this.root.intermediate({ cn: 'tlsport fault intermediate' });
    this.otherRoot = TestCa.root({ cn: 'tlsport unrelated root' });
    const inter = this.intermediate;
    const send = (leaf: Issued, chain = leaf.cert + inter.cert): Presented => ({ chain, key: leaf.key });

    const good = inter.issue();
    // pathLen 0 on the first intermediate: a second CA below it exceeds the path length.
    const limited = this.root.intermediate({ cn: 'tlsport fault pathlen-0 intermediate', pathLen: 0 });
    const tooDeep = limited.intermediate({ cn: 'tlsport fault second-level intermediate' });
    const deepLeaf = tooDeep.issue();
    // A CA:FALSE certificate used as an intermediate.
    const notCa = inter.issue({ cn: 'tlsport fault CA:false "intermediate"' });
    const underNotCa = inter.signer(notCa).issue();
    const foreign = this.otherRoot.issue();
    // An intermediate whose name constraints exclude the leaf's name (RFC 5280 §4.2.1.10).
    const excluding = this.root.intermediate({ cn: 'tlsport fault constrained intermediate', extensions: ['nameConstraints=critical,excluded;DNS:localhost'] });
    const excluded = excluding.issue();
    const self = selfSignedLeaf(this.root.dir);

    this.presented = {
      good: send(good),
      expired: send(inter.issue({ notBeforeDays: -30, notAfterDays: -1 })),
      notYetValid: send(inter.issue({ notBeforeDays: 2, notAfterDays: 30 })),
      otherHost: send(inter.issue({ dns: ['other.example'], ips: ['10.9.9.9'] })),
      ipOnly: send(inter.issue({ dns: ['ip-only.example'], ips: ['127.0.0.1'] })),
      unknownCa: send(foreign, foreign.cert),
      selfSigned: send(self, self.cert),
      missingIntermediate: send(good, good.cert),
      notCaIntermediate: send(underNotCa, underNotCa.cert + notCa.cert + inter.cert),
      pathLenExceeded: send(deepLeaf, deepLeaf.cert + tooDeep.cert + limited.cert),
      badSignature: send(good, corruptSignature(good.cert) + inter.cert),
      serverAuthOnly: send(inter.issue({ cn: 'server only', eku: 'serverAuth' })),
      clientAuthOnly: send(inter.issue({ cn: 'client only', eku: 'clientAuth' })),
      rsa1024: send(inter.issue({ keyType: 'rsa-1024' })),
      sha1: send(inter.issue({ digest: 'sha1' })),
      nameConstraints: send(excluded, excluded.cert + excluding.cert),
      cnOnly: send(inter.issue({ dns: [], ips: [], cn: 'localhost' })),
      caLeaf: send(inter.issue({ ca: true, dns: ['localhost'], ips: ['127.0.0.1'], keyUsage: 'critical,digitalSignature,keyCertSign', eku: 'serverAuth,clientAuth' })),
      anyEkuOnly: send(inter.issue({ eku: 'anyExtendedKeyUsage' })),
      explicitCurve: send(inter.issue({ keyType: 'ec-p256-explicit' })),
    };
  }

  dispose(): void {
    this.root.dispose();
    this.otherRoot.dispose();
  }
}

/** The certificate with the last byte of its signature changed: still well-formed DER, no longer valid. */
export function corruptSignature(pem: string): string {
  const der = Buffer.from(new X509Certificate(pem).raw);
  der[der.length - 1] ^= 0x01;
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
