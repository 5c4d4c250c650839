// Kept for test/parity, which still imports from here; new code imports @tlsport/testkit.
export { GET, opensslClient, opensslClientProcess, opensslServer, type OpensslOptions, type OpensslServer } from '@tlsport/testkit';
