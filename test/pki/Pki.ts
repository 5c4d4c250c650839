import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestCa, type Issued, type LeafOptions } from '@tlsport/testkit';

/** What one case hands the harness: the anchors the detecting side trusts and what the peer presents. */
export interface PkiSetup {
  anchors: string;
  presented: { chain: string; key: string };
}

/**
 * The generated PKI the path-validation cases draw on: a trusted root and intermediate, and
 * helpers that make the odd CAs a case needs (constrained, cross-signed, expired) with the
 * openssl CLI, all in one temporary directory removed by dispose().
 */
export class Pki {
  readonly dir = mkdtempSync(join(tmpdir(), 'tlsport-pki-suite-'));
  readonly root: TestCa;
  readonly intermediate: TestCa;
  /** The certificate a detecting server presents in client-certificate cases. */
  readonly serverIdentity: Issued;
  /**
   * Keys shared by the many certificates whose key does not matter to their case (leaves, other
   * roots, intermediates): generating one per certificate would triple the suite's set-up time.
   */
  readonly leafKey = this.sharedKey('leaf');
  private readonly caKey = this.sharedKey('ca');
  private readonly rootKey = this.sharedKey('root');
  private count = 0;
  private readonly chainOfCas: TestCa[] = [];

  constructor() {
    this.root = this.newRoot({ cn: 'tlsport pki root', freshKey: true });
    this.intermediate = this.root.intermediate({ cn: 'tlsport pki intermediate' });
    this.serverIdentity = this.intermediate.issue();
  }

  /** A new self-signed root in the suite's directory, on the shared root key unless `freshKey`. */
  newRoot(options: { cn?: string; extensions?: string[]; freshKey?: boolean } = {}): TestCa {
    const { freshKey, ...rest } = options;
    return TestCa.root({ ...rest, cn: options.cn ?? this.name('root'), dir: this.dir, ...(freshKey === true ? {} : { keyFile: this.rootKey }) });
  }

  /** A certificate from `ca` on the shared leaf key, unless the options choose a key. */
  leaf(ca: TestCa, options: LeafOptions = {}): Issued {
    return ca.issue(options.keyType === undefined && options.keyFile === undefined ? { ...options, keyFile: this.leafKey } : options);
  }

  /** The first `depth` CAs of one line of intermediates under the trusted root (made once, as deep as asked). */
  line(depth: number): TestCa[] {
    while (this.chainOfCas.length < depth) {
      const above = this.chainOfCas[this.chainOfCas.length - 1] ?? this.root;
      this.chainOfCas.push(above.intermediate({ cn: this.name(`level-${this.chainOfCas.length + 1}`), keyFile: this.caKey }));
    }
    return this.chainOfCas.slice(0, depth);
  }

  /** A unique common name, so no two generated CAs share a subject by accident. */
  name(what: string): string {
    return `tlsport pki ${what} ${++this.count}`;
  }

  /** The trusted root's intermediate with `options` (name constraints, EKU …). */
  constrained(options: LeafOptions, under: TestCa = this.root): TestCa {
    return under.intermediate({ cn: this.name('intermediate'), ...(options.keyType === undefined ? { keyFile: this.caKey } : {}), ...options });
  }

  /** A case on the trusted root: `leaf` with its issuing chain up to (not including) the root. */
  send(leaf: Issued, ...cas: TestCa[]): PkiSetup {
    return { anchors: this.root.cert, presented: { chain: leaf.cert + cas.map((c) => c.cert).join(''), key: leaf.key } };
  }

  private sharedKey(what: string): string {
    const file = join(this.dir, `shared-${what}.key`);
    writeFileSync(file, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    return file;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
