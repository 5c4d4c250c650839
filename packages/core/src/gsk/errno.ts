/**
 * errno values carried in `Overlapped.errnoValue`. Linux numbers for the POSIX names;
 * EDESTROYED is the port-destroyed value of QsoWaitForIOCompletion, given a number outside errno's range.
 */
export enum Errno {
  NONE = 0,
  EIO = 5,
  EBADF = 9,
  EAGAIN = 11,
  EINVAL = 22,
  EPIPE = 32,
  ECONNRESET = 104,
  ENOTCONN = 107,
  ETIMEDOUT = 110,
  ECONNREFUSED = 111,
  ECANCELED = 125,
  EDESTROYED = 3450,
}

const BY_NODE_CODE: Record<string, Errno> = {
  EIO: Errno.EIO,
  EBADF: Errno.EBADF,
  EAGAIN: Errno.EAGAIN,
  EINVAL: Errno.EINVAL,
  EPIPE: Errno.EPIPE,
  ECONNRESET: Errno.ECONNRESET,
  ENOTCONN: Errno.ENOTCONN,
  ETIMEDOUT: Errno.ETIMEDOUT,
  ECONNREFUSED: Errno.ECONNREFUSED,
  ECANCELED: Errno.ECANCELED,
};

/** Maps a Node system error code ("ECONNRESET") to an Errno; unknown codes become EIO. */
export function errnoFromNodeCode(code: string | undefined): Errno {
  return (code !== undefined && BY_NODE_CODE[code]) || Errno.EIO;
}
