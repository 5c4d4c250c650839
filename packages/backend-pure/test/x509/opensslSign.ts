import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issued } from '@tlsport/testkit';

/**
 * Certificates TestCa does not make, straight from the openssl CLI: one signed by an arbitrary
 * issuer certificate and key (a CA:FALSE leaf acting as a CA), or signed with RSASSA-PSS.
 */
export function signWith(issuer: Issued, dir: string, options: { name: string; dns: string; pss?: boolean }): Issued {
  const file = (ext: string): string => join(dir, `${options.name}.${ext}`);
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file('key')]);
  run(['req', '-new', '-key', file('key'), '-subj', `/CN=${options.dns}`, '-out', file('csr')]);
  writeFileSync(file('ext'), [
    'basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth',
    `subjectAltName=DNS:${options.dns}`, 'authorityKeyIdentifier=keyid',
  ].join('\n') + '\n');
  const pss = options.pss === true ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest'] : [];
  run(['x509', '-req', '-in', file('csr'), '-CA', issuer.certFile, '-CAkey', issuer.keyFile, '-set_serial', '4242', '-days', '30',
    '-sha256', ...pss, '-extfile', file('ext'), '-out', file('crt')]);
  const cert = readFileSync(file('crt'), 'utf8');
  return {
    cert,
    key: readFileSync(file('key'), 'utf8'),
    chain: cert + issuer.chain,
    certFile: file('crt'),
    keyFile: file('key'),
    chainFile: issuer.chainFile,
  };
}
