import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { GROUPS, groupByName, type GroupName } from '../tls/suites.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { list } from './text.js';

/** Key-exchange groups in preference order (`groups` or GSK_ECDHE_CURVES, IANA or OpenSSL names). */
export function resolveGroups(attrs: SecureAttributes): readonly GroupName[] {
  const attribute = attrs.GSK_ECDHE_CURVES !== undefined ? 'GSK_ECDHE_CURVES' : 'groups';
  const spec = attrs[attribute];
  if (spec === undefined) return GROUPS.map((g) => g.name);
  const groups = list(spec).map((name) => {
    const group = groupByName(name);
    if (group === undefined) {
      throw new GskError(GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP, `${attribute}: "${name}" is not a group tlsport supports (${GROUPS.map((g) => g.name).join(', ')})`);
    }
    return group.name;
  });
  if (groups.length === 0) throw new GskError(GskStatus.GSK_TLSPORT_ERROR_NO_SHARED_GROUP, `${attribute}: empty list`);
  return groups;
}
