/**
 * A small table-driven parser for openssl-style options: `-name value` or `-name` alone, with
 * `--name` accepted too. Every option is declared once in a table that also drives the usage text.
 */

/** One option: what it takes and a line of help. */
export interface OptionSpec<T> {
  readonly arg: string | undefined;
  readonly help: string;
  convert(value: string, name: string): T;
}

/** A table of options, keyed by the name typed after the dash (case matters: -verify vs -Verify). */
export type OptionTable = Readonly<Record<string, OptionSpec<unknown>>>;

/** The parsed values of a table: each option's converted value, absent when not given. */
export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T]?: T[K] extends OptionSpec<infer V> ? V : never };

/** Wrong arguments: the command prints its usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A switch without a value. */
export function flag(help: string): OptionSpec<boolean> {
  return { arg: undefined, help, convert: () => true };
}

/** An option taking a string. */
export function text(arg: string, help: string): OptionSpec<string> {
  return { arg, help, convert: (value) => value };
}

/** An option taking a non-negative integer. */
export function count(arg: string, help: string): OptionSpec<number> {
  return {
    arg,
    help,
    convert: (value, name) => {
      if (!/^\d+$/.test(value)) throw new UsageError(`-${name} needs a non-negative integer, got "${value}"`);
      return Number(value);
    },
  };
}

/** Parses `argv` against `table`; throws UsageError on anything the table does not allow. */
export function parseArgs<T extends OptionTable>(argv: readonly string[], table: T): OptionValues<T> {
  const values: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const name = token.replace(/^--?/, '');
    const spec = token.startsWith('-') ? table[name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option "${token}"`);
    if (spec.arg === undefined) {
      values[name] = spec.convert('', name);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`-${name} needs a value (${spec.arg})`);
    values[name] = spec.convert(value, name);
  }
  return values as OptionValues<T>;
}

/** The usage text of a command, generated from its table. */
export function usage(command: string, summary: string, table: OptionTable): string {
  const rows = Object.entries(table).map(([name, spec]) => [`-${name}${spec.arg === undefined ? '' : ` ${spec.arg}`}`, spec.help] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [`usage: tlsport ${command} [options]`, summary, '', ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`)].join('\n');
}
