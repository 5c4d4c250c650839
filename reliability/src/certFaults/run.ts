import { CompletionPort, GskStatus, SecureEnvironment, gskStatusName, memoryPipe, type Overlapped, type SecureAttributes, type TlsBackend } from '@tlsport/core';
import type { CertFaultCase } from './cases.js';
import type { FaultHierarchy, Presented } from './hierarchy.js';

/** What one backend reported for one fault. */
export interface CertFaultResult {
  backend: string;
  /** The backend on the other side (the first that accepts the certificate to present). */
  peer: string;
  status: string;
  detail: string;
}

const HANDSHAKE_TIMEOUT_MS = 5000;

/** What one handshake needs: the anchors the detecting side trusts, what the other side presents, the detecting server's own identity. */
export interface FaultSetup {
  anchors: string;
  presented: Presented;
  /** The certificate a detecting server presents (a client-certificate fault). */
  identity: Presented;
}

/** The part of a case that says how to run it. */
export type FaultRun = Pick<CertFaultCase, 'detector' | 'detectorAttrs'>;

/** Runs `fault` with `detector` on the detecting side; the peer is the first of `peers` that loads the certificate. */
export function runCertFault(fault: CertFaultCase, detector: TlsBackend, peers: readonly TlsBackend[], h: FaultHierarchy): Promise<CertFaultResult> {
  return runPresented(fault, detector, peers, { anchors: h.root.cert, presented: fault.presented(h), identity: h.presented.good! });
}

/** One handshake of `run` with `detector` on the detecting side, on `setup`'s certificates. */
export async function runPresented(fault: FaultRun, detector: TlsBackend, peers: readonly TlsBackend[], setup: FaultSetup): Promise<CertFaultResult> {
  const { presented, identity } = setup;
  const anchors = { ca: setup.anchors };
  const detectorAttrs: SecureAttributes = fault.detector === 'client'
    ? { ...anchors, servername: 'localhost', ...fault.detectorAttrs }
    : { ...anchors, role: 'server', cert: identity.chain, key: identity.key, GSK_SESSION_TYPE: 'GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL', ...fault.detectorAttrs };
  const peerAttrs: SecureAttributes = fault.detector === 'client'
    ? { role: 'server', cert: presented.chain, key: presented.key }
    : { ...anchors, servername: 'localhost', cert: presented.chain, key: presented.key };

  const detectorEnv = await SecureEnvironment.open(detector, { ...detectorAttrs, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS });
  let peerEnv: SecureEnvironment | undefined;
  let peer: TlsBackend | undefined;
  const refusals: string[] = [];
  for (const candidate of peers) {
    try {
      peerEnv = await SecureEnvironment.open(candidate, { ...peerAttrs, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS });
      peer = candidate;
      break;
    } catch (error) {
      refusals.push(`${candidate.name}: ${(error as Error).message}`);
    }
  }
  if (peerEnv === undefined || peer === undefined) {
    await detectorEnv.close();
    return { backend: detector.name, peer: '-', status: 'no peer', detail: `no backend would present the certificate: ${refusals.join('; ')}` };
  }
  const port = CompletionPort.create();
  const [a, b] = memoryPipe();
  const mine = detectorEnv.openSession(fault.detector === 'client' ? a : b, {}, { ownsSocket: true });
  const theirs = peerEnv.openSession(fault.detector === 'client' ? b : a, {}, { ownsSocket: true });
  try {
    const o: Overlapped = {} as Overlapped;
    theirs.startInit(port, {});
    mine.startInit(port, o);
    while (o.returnValue === undefined) {
      if ((await port.wait(2 * HANDSHAKE_TIMEOUT_MS)) === null) break;
    }
    return { backend: detector.name, peer: peer.name, status: o.returnValue === undefined ? 'no completion' : gskStatusName(o.returnValue), detail: o.error?.message ?? (o.returnValue === GskStatus.GSK_OK ? 'handshake completed' : '') };
  } finally {
    await Promise.all([mine.close(), theirs.close()]);
    port.destroy();
    await Promise.all([detectorEnv.close(), peerEnv.close()]);
  }
}
