import { createPrivateKey } from 'node:crypto';
import { expect } from 'chai';
import { GskStatus } from '../../src/gsk/status.js';
import { refusal } from '../helpers/refusal.js';
import { resolvePrivateKey } from '../../src/attributes/privateKey.js';
import { selfSigned, type SelfSigned } from '../helpers/selfSigned.js';

describe('private keys: decrypted once in core, checked against the certificate', () => {
  let ec: SelfSigned;
  let rsa: SelfSigned;
  before(() => {
    ec = selfSigned();
    rsa = selfSigned('rsa', ['-newkey', 'rsa:2048']);
  });

  it('a plain key that matches is passed on as given', () => {
    expect(resolvePrivateKey(ec.key, ec.cert, undefined, 'key')).to.equal(ec.key);
  });

  it('a key of another certificate (same or other type) is refused with GSK_ERROR_NO_PRIVATE_KEY', () => {
    const sameType = selfSigned('other');
    for (const key of [sameType.key, rsa.key]) {
      const error = refusal(() => resolvePrivateKey(key, ec.cert, undefined, 'cert/key'));
      expect(error.status).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
      expect(error.message).to.include('cert/key: the private key does not match');
    }
  });

  for (const type of ['pkcs8', 'sec1'] as const) {
    it(`an encrypted ${type} key: decrypted with the passphrase into a plain PKCS#8 PEM; without it or with a wrong one, refused`, () => {
      const encrypted = createPrivateKey(ec.key).export({ format: 'pem', type, cipher: 'aes-256-cbc', passphrase: 'open sesame' }) as string;
      const plain = resolvePrivateKey(encrypted, ec.cert, 'open sesame', 'key');
      expect(plain).to.match(/^-----BEGIN PRIVATE KEY-----/);
      expect(createPrivateKey(plain).equals(createPrivateKey(ec.key))).to.equal(true);
      expect(refusal(() => resolvePrivateKey(encrypted, ec.cert, undefined, 'key')).message).to.include('set the passphrase attribute');
      expect(refusal(() => resolvePrivateKey(encrypted, ec.cert, 'wrong', 'key')).message).to.include('passphrase does not decrypt');
    });
  }

  it('text that is no PEM key is refused', () => {
    expect(refusal(() => resolvePrivateKey('not a key', ec.cert, undefined, 'key')).status).to.equal(GskStatus.GSK_ERROR_NO_PRIVATE_KEY);
    expect(refusal(() => resolvePrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', ec.cert, undefined, 'key')).message).to.include('unreadable');
  });
});
