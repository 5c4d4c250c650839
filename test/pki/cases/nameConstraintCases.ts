import { constrainedLeaf, opensslSays, NAME_CONSTRAINTS, OK, type ConstraintHolder, type PkiCase } from './PkiCase.js';
import type { LeafOptions } from '@tlsport/testkit';

const DIR_TLSPORT = '[dir_tlsport]\nO=tlsport\n';
const DIR_EVIL = '[dir_evil]\nO=evil\n';

interface Row {
  name: string;
  note: string;
  holder: ConstraintHolder;
  subtrees: string;
  leaf?: LeafOptions;
  expected: typeof OK | typeof NAME_CONSTRAINTS;
  critical?: boolean;
  config?: string;
  servername?: string;
  disagreement?: PkiCase['disagreement'];
}

/** RFC 5280 §4.2.1.10 on every name form, permitted and excluded, on an intermediate and on an anchor, critical or not. */
const ROWS: readonly Row[] = [
  // dNSName
  { name: 'dNS permitted, inside', note: 'intermediate permits localhost', holder: 'intermediate', subtrees: 'permitted;DNS:localhost', expected: OK },
  { name: 'dNS permitted, outside', note: 'intermediate permits example.com, leaf is localhost', holder: 'intermediate', subtrees: 'permitted;DNS:example.com', expected: NAME_CONSTRAINTS },
  { name: 'dNS excluded', note: 'intermediate excludes localhost', holder: 'intermediate', subtrees: 'excluded;DNS:localhost', expected: NAME_CONSTRAINTS },
  { name: 'dNS excluded, not critical', note: 'the same constraint in a non-critical extension', holder: 'intermediate', subtrees: 'excluded;DNS:localhost', critical: false, expected: NAME_CONSTRAINTS },
  { name: 'dNS permitted on the anchor, inside', note: 'the trusted root permits localhost (critical)', holder: 'root', subtrees: 'permitted;DNS:localhost', expected: OK },
  { name: 'dNS permitted on the anchor, outside', note: 'the trusted root permits example.com', holder: 'root', subtrees: 'permitted;DNS:example.com', expected: NAME_CONSTRAINTS },
  { name: 'dNS excluded on the anchor', note: 'the trusted root excludes localhost', holder: 'root', subtrees: 'excluded;DNS:localhost', expected: NAME_CONSTRAINTS },
  { name: 'dNS excluded on the anchor, not critical', note: 'non-critical, on the root', holder: 'root', subtrees: 'excluded;DNS:localhost', critical: false, expected: NAME_CONSTRAINTS },
  { name: 'dNS subdomain', note: 'permits example.com, leaf www.example.com', holder: 'intermediate', subtrees: 'permitted;DNS:example.com', leaf: { dns: ['www.example.com'], ips: [] }, servername: 'www.example.com', expected: OK },
  { name: 'dNS label boundary', note: 'permits example.com, leaf badexample.com', holder: 'intermediate', subtrees: 'permitted;DNS:example.com', leaf: { dns: ['badexample.com'], ips: [] }, servername: 'badexample.com', expected: NAME_CONSTRAINTS },
  { name: 'dNS leading period', note: 'permits .example.com (subdomains only), leaf example.com', holder: 'intermediate', subtrees: 'permitted;DNS:.example.com', leaf: { dns: ['example.com'], ips: [] }, servername: 'example.com', expected: NAME_CONSTRAINTS },
  {
    name: 'dNS wildcard over an excluded name', note: 'excludes www.example.com, leaf *.example.com', holder: 'intermediate', subtrees: 'excluded;DNS:www.example.com',
    leaf: { dns: ['*.example.com'], ips: [] }, servername: 'api.example.com', expected: NAME_CONSTRAINTS,
    disagreement: opensslSays(OK, 'A wildcard that can stand for an excluded name: OpenSSL compares "*.example.com" as a string and finds it outside the excluded subtree; the pure verifier refuses it, since the certificate would be valid for www.example.com.'),
  },
  // iPAddress
  { name: 'IPv4 permitted, inside', note: 'permits 127.0.0.0/8, leaf 127.0.0.1', holder: 'intermediate', subtrees: 'permitted;IP:127.0.0.0/255.0.0.0', servername: '127.0.0.1', expected: OK },
  { name: 'IPv4 permitted, outside', note: 'permits 10.0.0.0/8, leaf 127.0.0.1', holder: 'intermediate', subtrees: 'permitted;IP:10.0.0.0/255.0.0.0', expected: NAME_CONSTRAINTS },
  { name: 'IPv4 excluded', note: 'excludes 127.0.0.1/32', holder: 'intermediate', subtrees: 'excluded;IP:127.0.0.1/255.255.255.255', expected: NAME_CONSTRAINTS },
  { name: 'IPv4 excluded on the anchor', note: 'the root excludes 127.0.0.0/8', holder: 'root', subtrees: 'excluded;IP:127.0.0.0/255.0.0.0', expected: NAME_CONSTRAINTS },
  { name: 'IPv4 mask boundary', note: 'permits 127.0.0.2/31, leaf 127.0.0.1', holder: 'intermediate', subtrees: 'permitted;IP:127.0.0.2/255.255.255.254', expected: NAME_CONSTRAINTS },
  { name: 'IPv6 permitted, inside', note: 'permits fd00::/8, leaf fd00::1', holder: 'intermediate', subtrees: 'permitted;IP:fd00::/ff00::', leaf: { ips: ['fd00::1'] }, servername: 'fd00::1', expected: OK },
  { name: 'IPv6 permitted, outside', note: 'permits fd00::/8, leaf fe80::1', holder: 'intermediate', subtrees: 'permitted;IP:fd00::/ff00::', leaf: { ips: ['fe80::1'] }, servername: 'fe80::1', expected: NAME_CONSTRAINTS },
  { name: 'IPv6 excluded on the anchor', note: 'the root excludes fd00::/16, leaf fd00::1', holder: 'root', subtrees: 'excluded;IP:fd00::/ffff::', leaf: { ips: ['fd00::1'] }, servername: 'fd00::1', expected: NAME_CONSTRAINTS },
  { name: 'IPv4 subtree, IPv6 address', note: 'permits only 10.0.0.0/8, leaf fd00::1', holder: 'intermediate', subtrees: 'permitted;IP:10.0.0.0/255.0.0.0', leaf: { ips: ['fd00::1'] }, servername: 'fd00::1', expected: NAME_CONSTRAINTS },
  // rfc822Name
  { name: 'email permitted host', note: 'permits example.com, leaf u@example.com', holder: 'intermediate', subtrees: 'permitted;email:example.com', leaf: { san: ['email:u@example.com'] }, expected: OK },
  { name: 'email permitted host, outside', note: 'permits example.com, leaf u@other.org', holder: 'intermediate', subtrees: 'permitted;email:example.com', leaf: { san: ['email:u@other.org'] }, expected: NAME_CONSTRAINTS },
  { name: 'email excluded mailbox', note: 'excludes bad@example.com', holder: 'intermediate', subtrees: 'excluded;email:bad@example.com', leaf: { san: ['email:bad@example.com'] }, expected: NAME_CONSTRAINTS },
  { name: 'email permitted domain', note: 'permits .example.com, leaf u@mail.example.com', holder: 'intermediate', subtrees: 'permitted;email:.example.com', leaf: { san: ['email:u@mail.example.com'] }, expected: OK },
  { name: 'email excluded on the anchor', note: 'the root excludes example.com, leaf u@example.com', holder: 'root', subtrees: 'excluded;email:example.com', leaf: { san: ['email:u@example.com'] }, expected: NAME_CONSTRAINTS },
  { name: 'emailAddress in the subject', note: 'permits example.com, subject emailAddress x@other.org', holder: 'intermediate', subtrees: 'permitted;email:example.com', leaf: { subject: '/CN=localhost/emailAddress=x@other.org' }, expected: NAME_CONSTRAINTS },
  // uniformResourceIdentifier
  { name: 'URI permitted domain', note: 'permits .example.com, leaf https://www.example.com/', holder: 'intermediate', subtrees: 'permitted;URI:.example.com', leaf: { san: ['URI:https://www.example.com/x'] }, expected: OK },
  { name: 'URI permitted host, outside', note: 'permits example.com, leaf https://other.org/', holder: 'intermediate', subtrees: 'permitted;URI:example.com', leaf: { san: ['URI:https://other.org/'] }, expected: NAME_CONSTRAINTS },
  { name: 'URI excluded host', note: 'excludes www.example.com', holder: 'intermediate', subtrees: 'excluded;URI:www.example.com', leaf: { san: ['URI:https://www.example.com:8443/x'] }, expected: NAME_CONSTRAINTS },
  { name: 'URI excluded on the anchor', note: 'the root excludes .example.com', holder: 'root', subtrees: 'excluded;URI:.example.com', leaf: { san: ['URI:https://a.example.com/'] }, expected: NAME_CONSTRAINTS },
  { name: 'URI without a host', note: 'permits example.com, leaf urn:example:thing (RFC 5280: reject)', holder: 'intermediate', subtrees: 'permitted;URI:example.com', leaf: { san: ['URI:urn:example:thing'] }, expected: NAME_CONSTRAINTS },
  // directoryName
  { name: 'directoryName permitted, inside', note: 'permits O=tlsport, leaf O=tlsport,CN=localhost', holder: 'intermediate', subtrees: 'permitted;dirName:dir_tlsport', config: DIR_TLSPORT, leaf: { subject: '/O=tlsport/CN=localhost' }, expected: OK },
  { name: 'directoryName permitted, outside', note: 'permits O=tlsport, leaf O=other,CN=localhost', holder: 'intermediate', subtrees: 'permitted;dirName:dir_tlsport', config: DIR_TLSPORT, leaf: { subject: '/O=other/CN=localhost' }, expected: NAME_CONSTRAINTS },
  { name: 'directoryName excluded', note: 'excludes O=evil, leaf O=evil,CN=localhost', holder: 'intermediate', subtrees: 'excluded;dirName:dir_evil', config: DIR_EVIL, leaf: { subject: '/O=evil/CN=localhost' }, expected: NAME_CONSTRAINTS },
  { name: 'directoryName SAN excluded', note: 'excludes O=evil, leaf SAN dirName O=evil', holder: 'intermediate', subtrees: 'excluded;dirName:dir_evil', config: DIR_EVIL, leaf: { san: ['dirName:dir_evil'] }, expected: NAME_CONSTRAINTS },
  // Forms nobody evaluates: fail closed.
  {
    name: 'registeredID subtree', note: 'excludes RID 1.2.3.4 (a form tlsport does not evaluate)', holder: 'intermediate', subtrees: 'excluded;RID:1.2.3.4', expected: NAME_CONSTRAINTS,
    disagreement: opensslSays(OK, 'A constraint of a form that cannot be evaluated (registeredID): OpenSSL compares only forms the certificate carries, so a leaf without a registeredID passes; the pure verifier fails closed (RFC 5280 §4.2.1.10: a system that cannot process a constraint form must reject).'),
  },
];

export const NAME_CONSTRAINT_CASES: readonly PkiCase[] = ROWS.map((row) => ({
  name: `NC ${row.name}`,
  note: row.note,
  detector: 'client',
  expected: row.expected,
  ...(row.servername === undefined ? {} : { detectorAttrs: { servername: row.servername } }),
  ...(row.disagreement === undefined ? {} : { disagreement: row.disagreement }),
  setup: (pki) => constrainedLeaf(pki, row.holder, row.subtrees, row.leaf ?? {}, {
    ...(row.critical === undefined ? {} : { critical: row.critical }),
    ...(row.config === undefined ? {} : { config: row.config }),
  }),
}));

/** Client certificates obey their CA's constraints too. */
export const CLIENT_NAME_CONSTRAINT_CASES: readonly PkiCase[] = [
  { name: 'client: NC dNS excluded', note: 'the client CA excludes localhost', detector: 'server', expected: NAME_CONSTRAINTS, setup: (pki) => constrainedLeaf(pki, 'intermediate', 'excluded;DNS:localhost', {}) },
  { name: 'client: NC email permitted', note: 'the client CA permits example.com, client u@example.com', detector: 'server', expected: OK, setup: (pki) => constrainedLeaf(pki, 'intermediate', 'permitted;email:example.com', { san: ['email:u@example.com'] }) },
];
