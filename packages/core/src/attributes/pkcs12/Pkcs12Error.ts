/** Why a PKCS#12 file could not give what was asked; each caller maps it to its own status. */
export type Pkcs12Failure = 'wrong-password' | 'malformed' | 'label-not-found' | 'no-key';

/** A PKCS#12 (PFX) file that is unreadable, locked with another password, or without the asked certificate. */
export class Pkcs12Error extends Error {
  override readonly name = 'Pkcs12Error';

  constructor(
    readonly reason: Pkcs12Failure,
    message: string,
  ) {
    super(message);
  }
}
