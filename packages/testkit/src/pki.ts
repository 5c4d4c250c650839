import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Key algorithms a test certificate can have. */
export type KeyType = 'ec-p256' | 'ec-p384' | 'rsa-2048' | 'rsa-1024' | 'ed25519'
  /** Keys the web PKI refuses: P-256 with explicit curve parameters, RSA moduli not a multiple of 8 bits. */
  | 'ec-p256-explicit' | 'rsa-2047' | 'rsa-2052';

export interface Issued {
  /** PEM of this certificate alone. */
  readonly cert: string;
  /** PEM private key (PKCS#8). */
  readonly key: string;
  /** PEM of this certificate followed by its intermediates (what a server sends). */
  readonly chain: string;
  /** Paths of the same, for openssl s_server / s_client. */
  readonly certFile: string;
  readonly keyFile: string;
  readonly chainFile: string;
}

export interface LeafOptions {
  keyType?: KeyType;
  /** DNS names and IP addresses for subjectAltName; default ["localhost", "127.0.0.1"]. */
  dns?: string[];
  ips?: string[];
  cn?: string;
  /** Days from now; negative = in the past. Default -1 .. 365. */
  notBeforeDays?: number;
  notAfterDays?: number;
  /** extendedKeyUsage; default serverAuth,clientAuth (leaves) or none (CAs); null: no extension. */
  eku?: string | null;
  /** keyUsage (openssl -extfile syntax); default by role and key type. */
  keyUsage?: string;
  /** More subjectAltName entries in openssl syntax ("email:a@example.com", "URI:https://…", "dirName:sect"). */
  san?: string[];
  /** The whole subject in openssl -subj syntax ("/O=tlsport/CN=localhost"); default /CN=<cn>. */
  subject?: string;
  /** More extension lines ("nameConstraints=critical,permitted;DNS:example.com"). */
  extensions?: string[];
  /** More sections for the extension file (the dirName sections the extensions name). */
  config?: string;
  /** Reuse this key file instead of making a key: a cross-signed CA keeps its key. */
  keyFile?: string;
  /** Signature digest used by the issuer; default sha256. */
  digest?: 'sha256' | 'sha384' | 'sha1';
  /** Make this a CA certificate (for intermediates). */
  ca?: boolean;
  pathLen?: number;
}

const KEY_ARGS: Record<KeyType, string[]> = {
  'ec-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ec-p384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  'rsa-2048': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'rsa-1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  ed25519: ['-algorithm', 'ED25519'],
  'ec-p256-explicit': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-pkeyopt', 'ec_param_enc:explicit'],
  'rsa-2047': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2047'],
  'rsa-2052': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2052'],
};

/** `name`.key in `dir`: a new key of `keyType`, or a copy of `keyFile` (many test certificates can share one key). */
function makeKey(dir: string, name: string, keyType: KeyType, keyFile: string | undefined): void {
  if (keyFile === undefined) openssl(['genpkey', ...KEY_ARGS[keyType], '-out', `${name}.key`], dir);
  else writeFileSync(join(dir, `${name}.key`), readFileSync(keyFile));
}

/** The default keyUsage of a certificate. */
function defaultKeyUsage(options: LeafOptions, keyType: KeyType): string {
  if (options.ca) return 'critical,keyCertSign,cRLSign';
  return keyType.startsWith('rsa') ? 'critical,digitalSignature,keyEncipherment' : 'critical,digitalSignature';
}

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** "YYYYMMDDHHMMSSZ" for openssl ca -startdate/-enddate. */
function asn1Time(daysFromNow: number): string {
  const d = new Date(Date.now() + daysFromNow * 86_400_000);
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

/**
 * A throwaway certificate authority in a temp directory, driven by the openssl CLI.
 * Everything it makes is test data with short-lived keys; `dispose()` removes the directory.
 */
export class TestCa implements Issued {
  readonly dir: string;
  readonly cert: string;
  readonly key: string;
  readonly chain: string;
  readonly certFile: string;
  readonly keyFile: string;
  readonly chainFile: string;
  /** The CA key's type: Ed25519 signs without a separate digest. */
  readonly keyType: KeyType;
  private serial = 1;
  private readonly parentChain: string;

  private constructor(dir: string, name: string, parentChain: string, keyType: KeyType) {
    this.dir = dir;
    this.keyType = keyType;
    this.certFile = join(dir, `${name}.crt`);
    this.keyFile = join(dir, `${name}.key`);
    this.cert = readFileSync(this.certFile, 'utf8');
    this.key = readFileSync(this.keyFile, 'utf8');
    this.parentChain = parentChain;
    this.chain = this.cert + parentChain;
    this.chainFile = join(dir, `${name}.chain.pem`);
    writeFileSync(this.chainFile, this.chain);
  }

  /** A new self-signed root CA. */
  static root(options: { cn?: string; keyType?: KeyType; digest?: 'sha256' | 'sha384' | 'sha1'; dir?: string; extensions?: string[]; keyFile?: string } = {}): TestCa {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tlsport-pki-'));
    const name = `ca-${Math.random().toString(36).slice(2, 8)}`;
    makeKey(dir, name, options.keyType ?? 'ec-p256', options.keyFile);
    const digest = options.keyType === 'ed25519' ? [] : [`-${options.digest ?? 'sha256'}`];
    openssl(
      ['req', '-x509', '-new', '-key', `${name}.key`, ...digest, '-days', '3650', '-subj', `/CN=${options.cn ?? 'tlsport test root CA'}`,
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
        ...(options.extensions ?? []).flatMap((e) => ['-addext', e]), '-out', `${name}.crt`],
      dir,
    );
    return new TestCa(dir, name, '', options.keyType ?? 'ec-p256');
  }

  /** An intermediate CA signed by this one. */
  intermediate(options: LeafOptions = {}): TestCa {
    return this.signer(this.issue({ ...options, ca: true, cn: options.cn ?? 'tlsport test intermediate CA' }), options.keyType);
  }

  /**
   * Signs with a certificate this CA issued, whatever its constraints: for invalid chains, such as
   * an "intermediate" that is CA:FALSE. `keyType` is the issued certificate's key (default ec-p256).
   */
  signer(issued: Issued, keyType: KeyType = 'ec-p256'): TestCa {
    const name = issued.certFile.slice(this.dir.length + 1).replace(/\.crt$/, '');
    return new TestCa(this.dir, name, this.cert + this.parentChain, keyType);
  }

  /** A certificate signed by this CA. */
  issue(options: LeafOptions = {}): Issued {
    const name = `cert-${this.serial}-${Math.random().toString(36).slice(2, 8)}`;
    const serial = this.serial++;
    const keyType = options.keyType ?? 'ec-p256';
    makeKey(this.dir, name, keyType, options.keyFile);
    const subject = options.subject ?? `/CN=${options.cn ?? (options.dns?.[0] ?? 'localhost')}`;
    openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`], this.dir);
    const san = [
      ...(options.dns ?? (options.ca ? [] : ['localhost'])).map((d) => `DNS:${d}`),
      ...(options.ips ?? (options.ca ? [] : ['127.0.0.1'])).map((i) => `IP:${i}`),
      ...(options.san ?? []),
    ];
    const eku = options.eku === undefined ? (options.ca ? null : 'serverAuth,clientAuth') : options.eku;
    const ext = [
      options.ca ? `basicConstraints=critical,CA:TRUE${options.pathLen === undefined ? '' : `,pathlen:${options.pathLen}`}` : 'basicConstraints=critical,CA:FALSE',
      `keyUsage=${options.keyUsage ?? defaultKeyUsage(options, keyType)}`,
      ...(eku === null ? [] : [`extendedKeyUsage=${eku}`]),
      ...(options.extensions ?? []),
    ];
    if (san.length > 0) ext.push(`subjectAltName=${san.join(',')}`);
    ext.push('subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid');
    writeFileSync(join(this.dir, `${name}.ext`), `${ext.join('\n')}\n${options.config ?? ''}\n`);
    const digest = this.keyType === 'ed25519' ? 'null' : (options.digest ?? 'sha256');
    signWithDates(this, name, serial, options.notBeforeDays ?? -1, options.notAfterDays ?? 365, digest);
    rmSync(join(this.dir, `${name}.csr`));
    const cert = readFileSync(join(this.dir, `${name}.crt`), 'utf8');
    const chain = cert + this.cert + this.parentChain;
    writeFileSync(join(this.dir, `${name}.chain.pem`), chain);
    return {
      cert,
      key: readFileSync(join(this.dir, `${name}.key`), 'utf8'),
      chain,
      certFile: join(this.dir, `${name}.crt`),
      keyFile: join(this.dir, `${name}.key`),
      chainFile: join(this.dir, `${name}.chain.pem`),
    };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Signs `name.csr` with explicit validity dates through `openssl ca` (in OpenSSL 3.0 the only
 * command that takes both dates), using a minimal throwaway config and database.
 */
function signWithDates(ca: TestCa, name: string, serial: number, notBeforeDays: number, notAfterDays: number, digest: string): void {
  const db = join(ca.dir, `${name}.db`);
  writeFileSync(db, '');
  writeFileSync(`${db}.serial`, serial.toString(16).padStart(4, '0') + '\n');
  const conf = join(ca.dir, `${name}.cnf`);
  writeFileSync(
    conf,
    [
      '[ca]', 'default_ca = tlsport', '[tlsport]', `database = ${db}`, `serial = ${db}.serial`, `new_certs_dir = ${ca.dir}`,
      `default_md = ${digest}`, 'policy = any', 'unique_subject = no', 'copy_extensions = none',
      // Subjects keep their fields, in request order (openssl ca drops fields its policy does not name).
      '[any]', 'countryName = optional', 'organizationName = optional', 'organizationalUnitName = optional', 'commonName = supplied', 'emailAddress = optional',
    ].join('\n') + '\n',
  );
  openssl(
    ['ca', '-batch', '-config', conf, '-notext', '-preserveDN', '-cert', ca.certFile, '-keyfile', ca.keyFile,
      '-startdate', asn1Time(notBeforeDays), '-enddate', asn1Time(notAfterDays),
      '-extfile', `${name}.ext`, '-in', `${name}.csr`, '-out', `${name}.crt`],
    ca.dir,
  );
  for (const f of [db, `${db}.attr`, `${db}.old`, `${db}.serial`, `${db}.serial.old`, conf]) rmSync(f, { force: true });
}

/** A self-signed leaf (not a CA): the "self-signed" fault. */
export function selfSignedLeaf(dir: string, options: { dns?: string[]; keyType?: KeyType } = {}): Issued {
  const name = `self-${Math.random().toString(36).slice(2, 8)}`;
  openssl(['genpkey', ...KEY_ARGS[options.keyType ?? 'ec-p256'], '-out', `${name}.key`], dir);
  const san = (options.dns ?? ['localhost']).map((d) => `DNS:${d}`).concat('IP:127.0.0.1').join(',');
  openssl(['req', '-x509', '-new', '-key', `${name}.key`, '-sha256', '-days', '30', '-subj', `/CN=${options.dns?.[0] ?? 'localhost'}`,
    '-addext', `subjectAltName=${san}`, '-addext', 'basicConstraints=critical,CA:FALSE', '-out', `${name}.crt`], dir);
  const cert = readFileSync(join(dir, `${name}.crt`), 'utf8');
  return { cert, key: readFileSync(join(dir, `${name}.key`), 'utf8'), chain: cert, certFile: join(dir, `${name}.crt`), keyFile: join(dir, `${name}.key`), chainFile: join(dir, `${name}.crt`) };
}
