import { CA_LEAF_CASES, EKU_CASES, IDENTITY_CASES, KEY_CASES } from './leafCases.js';
import { CLIENT_NAME_CONSTRAINT_CASES, NAME_CONSTRAINT_CASES } from './nameConstraintCases.js';
import { PATH_CASES } from './pathCases.js';
import type { PkiCase } from './PkiCase.js';

export type { PkiCase } from './PkiCase.js';

/** Every case of the suite, in the order of docs/pki-cases.md. */
export const PKI_CASES: readonly PkiCase[] = [
  ...NAME_CONSTRAINT_CASES, ...CLIENT_NAME_CONSTRAINT_CASES, ...IDENTITY_CASES, ...CA_LEAF_CASES, ...EKU_CASES, ...KEY_CASES, ...PATH_CASES,
];
