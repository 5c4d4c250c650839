import { Errno } from '@tlsport/core';

/**
 * errno on IBM i and on Node. Completions carry core's `Errno`: Linux numbers, what Node's sockets
 * report. IBM i numbers its errno values in its own 3000 range (the table "Errno Values for
 * UNIX-Type Functions", the same numbers from V4R5 to 7.x). The one mapping between the two is the
 * symbolic name: `ibmiErrno` and `linuxErrno` go through it.
 *
 * Only numbers read on IBM's table are here. tlsport's completions can carry EIO, EAGAIN and
 * EINVAL, which the table gives; its socket errnos (ECONNRESET, ENOTCONN, EPIPE, ETIMEDOUT,
 * ECONNREFUSED, EBADF, ECANCELED) are in the part of the table not available to us, so they map
 * by name only and `ibmiErrno` answers undefined for them rather than a guessed number.
 */
export const IBMI_ERRNO: Readonly<Record<string, number>> = {
  EDOM: 3001,
  ERANGE: 3002,
  EIO: 3006,
  ENODEV: 3007,
  EINVAL: 3021,
  ENOENT: 3025,
  EPERM: 3027,
  EBUSY: 3029,
  EACCES: 3401,
  ENOTDIR: 3403,
  ENOSPC: 3404,
  EXDEV: 3405,
  EAGAIN: 3406,
  EWOULDBLOCK: 3406,
  EINTR: 3407,
  EFAULT: 3408,
  ENXIO: 3415,
};

/** The Linux numbers of the same names (asm-generic/errno-base.h), for the names core's Errno lacks. */
const LINUX_ONLY: Readonly<Record<string, number>> = {
  EPERM: 1,
  ENOENT: 2,
  EINTR: 4,
  ENXIO: 6,
  EWOULDBLOCK: 11,
  EACCES: 13,
  EFAULT: 14,
  EBUSY: 16,
  EXDEV: 18,
  ENODEV: 19,
  ENOTDIR: 20,
  ENOSPC: 28,
  EDOM: 33,
  ERANGE: 34,
};

/** Every errno name tlsport knows with its Linux number: core's Errno (what completions carry) and the table's other names. */
export const LINUX_ERRNO: Readonly<Record<string, number>> = {
  ...LINUX_ONLY,
  ...Object.fromEntries(Object.entries(Errno).filter((e): e is [string, number] => typeof e[1] === 'number' && e[0] !== 'NONE')),
};

const NAME_BY_IBMI = new Map<number, string>(Object.entries(IBMI_ERRNO).filter(([name]) => name !== 'EWOULDBLOCK').map(([name, n]) => [n, name]));

/** The symbolic name of a core/Linux errno value ("ECONNRESET"), or the number as text. */
export function errnoName(errnoValue: number): string {
  return Errno[errnoValue] ?? Object.entries(LINUX_ONLY).find(([, n]) => n === errnoValue)?.[0] ?? String(errnoValue);
}

/** IBM i's number for a completion's errnoValue where IBM's table gives it, else undefined (compare by `errnoName`). */
export function ibmiErrno(errnoValue: number): number | undefined {
  return IBMI_ERRNO[errnoName(errnoValue)];
}

/** The Linux/core number for an IBM i errno value (a ported program's constant), else undefined. */
export function linuxErrno(ibmiValue: number): number | undefined {
  const name = NAME_BY_IBMI.get(ibmiValue);
  return name === undefined ? undefined : LINUX_ERRNO[name];
}
