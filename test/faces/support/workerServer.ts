// Run in each worker by test/faces/workers.test.ts: the same createServer({ workers: 2 }).listen(0)
// as the primary's shares its port here; each connection is told this worker's pid.
import { readFileSync } from 'node:fs';
import { createServer } from '@tlsport/core';

const { cert, key, backend } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { cert: string; key: string; backend: 'openssl' | 'pure' | 'node-tls' };
createServer({ cert, key, backend, workers: 2 }, (socket) => socket.end(String(process.pid))).listen(0);
