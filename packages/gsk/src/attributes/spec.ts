/** How an attribute is set and read: which gsk_attribute_set_/get_ family it belongs to. */
export type AttributeKind = 'buffer' | 'enum' | 'numeric' | 'callback';

/**
 * One GSKit attribute id as tlsport serves it. `settable`/`readable` say which calls accept it;
 * `notOffered` is the status a set returns when the value asks for something tlsport does not do
 * (SSLv2, SSLv3, TLS 1.0/1.1, GSKit-format key databases ...), so old programs get a clear answer
 * instead of a silent no-op.
 */
export interface AttributeSpec {
  readonly name: string;
  readonly id: number;
  readonly kind: AttributeKind;
  /** The number is IBM's (gskssl.h); false: tlsport's own range, for names whose number IBM's documents we use do not give. */
  readonly ibm: boolean;
  readonly settable: boolean;
  readonly readable: boolean;
  /** Only on an environment (key stores), only on a session (GSK_FD), or only after the handshake (negotiated values). */
  readonly scope: 'any' | 'environment' | 'session' | 'negotiated';
  /** What a get returns when nothing was set. */
  readonly defaultValue?: string | number;
  /** Checks a value for set: the status to return (GSK_OK when acceptable). */
  readonly check?: (value: unknown) => number;
}
