// Kept for test/parity and test/bench, which still import from here; new code imports @tlsport/testkit.
export { Child, killChildren, run, type ChildOptions, type ChildStream } from '@tlsport/testkit';
export { REPO_ROOT } from './repoRoot.js';
