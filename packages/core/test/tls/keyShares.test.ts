import { expect } from 'chai';
import { firstKeyShareGroups } from '../../src/tls/keyShares.js';
import { GROUPS } from '../../src/tls/suites.js';

describe('firstKeyShareGroups: the groups a first ClientHello shares', () => {
  it('the defaults: X25519MLKEM768 and x25519 beside it', () => {
    expect(firstKeyShareGroups(GROUPS.map((g) => g.name))).to.deep.equal(['X25519MLKEM768', 'x25519']);
  });

  it("a hybrid first takes its own ECDHE half along, wherever that stands in the list, and only it", () => {
    expect(firstKeyShareGroups(['SecP256r1MLKEM768', 'x25519', 'secp384r1', 'secp256r1'])).to.deep.equal(['SecP256r1MLKEM768', 'secp256r1']);
    expect(firstKeyShareGroups(['X25519MLKEM768', 'secp256r1', 'x25519'])).to.deep.equal(['X25519MLKEM768', 'x25519']);
  });

  it('a hybrid whose ECDHE half is not enabled goes alone, as does a classic group first', () => {
    expect(firstKeyShareGroups(['X25519MLKEM768', 'secp256r1'])).to.deep.equal(['X25519MLKEM768']);
    expect(firstKeyShareGroups(['x25519', 'X25519MLKEM768'])).to.deep.equal(['x25519']);
    expect(firstKeyShareGroups(['secp384r1', 'secp256r1'])).to.deep.equal(['secp384r1']);
    expect(firstKeyShareGroups([])).to.deep.equal([]);
  });
});
