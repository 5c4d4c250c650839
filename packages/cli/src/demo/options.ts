import { text, usage } from '../args/parseArgs.js';

/** The demo's options (the table -help prints; loading it loads nothing of core). */
export const DEMO_OPTIONS = {
  backend: text('LIST', 'only these backends, comma-separated (default: every installed one)'),
} as const;

export const DEMO_USAGE = usage('demo', 'Every installed backend against every other, on loopback, with a throwaway PKI.', DEMO_OPTIONS);
