import { nodeTlsBackend } from '@tlsport/backend-node-tls';
import { runPortBench } from './port.js';

/**
 * `npm run bench [-- SUITE…] [-- --quick]`: runs the named suites (default: all). Tables go to
 * stdout, progress to stderr.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const suites = args.filter((a) => !a.startsWith('--'));
const wanted = (name: string): boolean => suites.length === 0 || suites.includes(name);

if (wanted('port')) await runPortBench(nodeTlsBackend, { quick });
