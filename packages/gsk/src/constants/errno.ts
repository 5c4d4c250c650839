import { Errno } from '@tlsport/core';

/**
 * errno on IBM i and on Node. Completions carry core's `Errno` (Linux numbers, what Node's
 * sockets report). IBM i numbers its errno values in its own 3000 range; where IBM's table
 * ("Errno Values for UNIX-Type Functions") gives a number tlsport can produce, it is here, and
 * `ibmiErrno` maps a completion's errnoValue to it. Names without a number here map by name only.
 */
export const IBMI_ERRNO: Readonly<Record<string, number>> = {
  EDOM: 3001,
  ERANGE: 3002,
  EIO: 3006,
};

/** The symbolic name of a core/Linux errno value ("ECONNRESET"), or the number as text. */
export function errnoName(errnoValue: number): string {
  return Errno[errnoValue] ?? String(errnoValue);
}

/** IBM i's number for a completion's errnoValue where known, else undefined (compare by `errnoName`). */
export function ibmiErrno(errnoValue: number): number | undefined {
  return IBMI_ERRNO[errnoName(errnoValue)];
}
