import { UsageError } from './args/parseArgs.js';
import { S_CLIENT_USAGE } from './client/options.js';
import { DEMO_USAGE } from './demo/options.js';
import { S_SERVER_USAGE } from './server/options.js';

interface Command {
  readonly usage: string;
  run(argv: readonly string[]): Promise<number>;
}

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

// Each command's code (and with it core, rxjs, inversify and the backends) loads only when the
// command runs: `tlsport -help` and `<command> -help` stay at Node's own start-up time.
const COMMANDS: Readonly<Record<string, Command>> = {
  s_client: { usage: S_CLIENT_USAGE, run: async (argv) => (await import('./client/sClient.js')).sClient(argv, io) },
  s_server: { usage: S_SERVER_USAGE, run: async (argv) => (await import('./server/sServer.js')).sServer(argv, io) },
  demo: { usage: DEMO_USAGE, run: async (argv) => (await import('./demo/demo.js')).demo(argv, io.stdout, io.stderr) },
};
const OVERVIEW = [
  'usage: tlsport <command> [options]',
  '',
  '  s_client   connect to a TLS server (openssl s_client style)',
  '  s_server   run a TLS server (openssl s_server style)',
  '  demo       every installed backend against every other, on loopback',
  '',
  'tlsport <command> -help shows the options of a command.',
].join('\n');

/** Runs one tlsport command; returns the process exit code (2: wrong arguments). */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    const help = name === 'help' || name === '-help' || name === '--help';
    (help ? process.stdout : process.stderr).write(OVERVIEW + '\n');
    return help ? 0 : 2;
  }
  if (rest.includes('-help') || rest.includes('--help')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tlsport ${name}: ${error.message}\n\n${command.usage}\n`);
    return 2;
  }
}
