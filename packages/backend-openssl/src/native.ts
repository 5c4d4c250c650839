import { createRequire } from 'node:module';

/** What one native operation produced (native/connection.h Outcome). */
export interface NativeOutcome {
  readonly state: 'done' | 'want-input' | 'choose-certificate' | 'failed';
  readonly output?: Buffer;
  readonly plaintext?: Uint8Array;
  readonly peerClosed?: true;
  /** OpenSSL's error queue after a failure, oldest first. */
  readonly errors?: readonly NativeErrorEntry[];
  /** SSL_get_verify_result after a failure. */
  readonly verifyResult?: number;
  readonly keylog?: readonly string[];
  readonly sessions?: readonly Buffer[];
  /** choose-certificate: the ClientHello's SNI host name, if any. */
  readonly servername?: string;
  /** done (handshake step): what was negotiated. */
  readonly info?: NativeHandshakeInfo;
  /** done (handshake step): what reading the records that came with the last flight produced. */
  readonly records?: NativeOutcome;
}

/** One entry of OpenSSL's error queue: library and reason codes and its text. */
export interface NativeErrorEntry {
  readonly library: number;
  readonly reason: number;
  readonly text: string;
}

/** What a completed handshake negotiated, in OpenSSL's terms. */
export interface NativeHandshakeInfo {
  readonly version: number;
  /** SSL_CIPHER_get_name: OpenSSL's suite name. */
  readonly cipher: string;
  /** OBJ_nid2sn of SSL_get_negotiated_group. */
  readonly group?: string;
  readonly alpn?: string;
  readonly servername?: string;
  readonly resumed: boolean;
  readonly peerCertificates: Buffer[];
  readonly verifyResult: number;
}

export interface NativeContextOptions {
  readonly server: boolean;
  readonly ca: readonly string[];
  /** One SSL_CTX each; [0] is the default (null: no certificate). */
  readonly certificates: readonly ({ cert: string; key: string } | null)[];
  readonly sigalgs: string;
  readonly sessionTickets: boolean;
  /** Server: session timeout and ticket lifetime hint, seconds. */
  readonly ticketLifetimeSeconds: number;
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly ciphersuites: string;
  readonly cipherList: string;
  /** Minimum security level of the peer's chain (core's key-strength policy). */
  readonly verifyAuthLevel: number;
  readonly groups: string;
}

export interface NativeEngineOptions {
  readonly server: boolean;
  readonly requestCert: boolean;
  readonly rejectUnauthorized: boolean;
  readonly servername?: string;
  readonly ipAddress?: string;
  readonly alpn?: Uint8Array;
  readonly session?: Uint8Array;
  readonly keylog: boolean;
  readonly chooseCertificate: boolean;
}

export interface NativeContext {
  dispose(): void;
  /** Replaces the ticket keys: 48 bytes each (name, HMAC key, AES key), when each stops decrypting, which one encrypts (-1: none). */
  setTicketKeys(keys: Uint8Array, decryptEndMs: number[], encrypting: number): void;
}

export interface NativeEngine {
  /**
   * Feeds the inputs and runs one handshake step: inline when steps of its kind have been cheap
   * (returns the outcome, never calls `done`), else on the pool (returns undefined, calls `done`).
   */
  handshake(inputs: readonly Uint8Array[], done: (outcome: NativeOutcome) => void): NativeOutcome | undefined;
  read(input?: Uint8Array): NativeOutcome;
  write(data: Uint8Array): NativeOutcome;
  keyUpdate(requestPeer: boolean): NativeOutcome;
  shutdown(): NativeOutcome;
  chooseCertificate(index: number): boolean;
  /** SSL_export_keying_material (RFC 5705, RFC 8446 §7.5); after the handshake. */
  exportKeyingMaterial(length: number, label: string, context?: Uint8Array): Uint8Array;
  free(): void;
}

interface Addon {
  /** Builds the context's SSL_CTX set on the libuv pool (certificates and roots parsed there). */
  buildContext(options: NativeContextOptions, done: (error: Error | null, context?: NativeContext) => void): void;
  Engine: new (context: NativeContext, options: NativeEngineOptions) => NativeEngine;
  liveObjects(): { ssl: number; ctx: number };
  constants: Readonly<Record<string, number>>;
  /** OpenSSL's text for an error reason (ERR_reason_error_string); undefined when it has none. */
  reasonText(library: number, reason: number): string | undefined;
  /** OpenSSL's text for a verification result (X509_verify_cert_error_string). */
  verifyText(code: number): string;
}

/**
 * Where scripts/build.mjs puts the addon for the running Node: one folder per Node ABI and
 * OpenSSL version (the addon uses both), so builds for several Node versions live side by side.
 */
export const ADDON_KEY = `node-abi${process.versions.modules}-openssl${process.versions.openssl}`;

function loadAddon(): Addon {
  const file = `../../build/${ADDON_KEY}/build/Release/tlsport_openssl.node`;
  try {
    return createRequire(import.meta.url)(file) as Addon;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    const why = missing ? `the native addon is not built for this node (${process.version}, ABI ${process.versions.modules}, OpenSSL ${process.versions.openssl})` : `the native addon does not load: ${(error as Error).message}`;
    // The install script builds it; --ignore-scripts, a missing compiler or a newer node skip it.
    throw new Error(`@tlsport/backend-openssl: ${why}; build it with \`npm rebuild @tlsport/backend-openssl\` (needs python3, make and a C++17 compiler)`, { cause: error });
  }
}

/** The addon scripts/build.mjs built for this Node (during npm install or npm rebuild). */
export const addon: Addon = loadAddon();

/** An OpenSSL macro's value by name; throws for a name the addon does not export. */
export function opensslConstant(name: string): number {
  const value = addon.constants[name];
  if (value === undefined) throw new Error(`@tlsport/backend-openssl: the addon exports no OpenSSL constant ${name}`);
  return value;
}

/** OpenSSL's own texts, from the OpenSSL inside this node: an error reason's, a verification result's. */
export const opensslText = {
  /** ERR_reason_error_string: OpenSSL's text for a library's reason code, if it has one. */
  reason: (library: number, reason: number): string | undefined => addon.reasonText(library, reason),
  /** X509_verify_cert_error_string: OpenSSL's text for an X509_V_ERR_* code. */
  verify: (code: number): string => addon.verifyText(code),
};

/**
 * The SSL and SSL_CTX objects this backend created that OpenSSL has not yet freed (counted by
 * ex_data free callbacks, so an SSL_CTX still referenced by a live SSL counts as live).
 */
export function liveObjects(): { ssl: number; ctx: number } {
  return addon.liveObjects();
}
