import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/** 8 MiB of random bytes, sent both ways by the library tests, and its SHA-256. */
export const BIG = randomBytes(8 * 1024 * 1024);
export const BIG_SHA256 = sha256(BIG);

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hashes a stream as it arrives (nothing kept), returning the hex digest and the length. */
export async function hashStream(stream: AsyncIterable<Uint8Array | string>): Promise<{ sha256: string; length: number }> {
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    length += chunk.length;
  }
  return { sha256: hash.digest('hex'), length };
}

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

/**
 * The server side of the library tests, the same for node:http and node:http2's compatibility API:
 * GET /big sends BIG; POST /sha256 answers the digest of the body; GET /connection answers which
 * connection served it (numbered in order of first use).
 */
export function testApp(): { handler: (req: Request, res: Response) => void; connections: () => number } {
  const ids = new WeakMap<object, number>();
  let count = 0;
  const handler = (req: Request, res: Response): void => {
    // http2's compatibility API gives each request its own socket proxy: the session is the connection.
    const connection = ('stream' in req ? req.stream.session : req.socket) as object;
    if (!ids.has(connection)) ids.set(connection, ++count);
    if (req.method === 'GET' && req.url === '/big') {
      (res as ServerResponse).end(BIG);
    } else if (req.method === 'POST' && req.url === '/sha256') {
      void hashStream(req).then(({ sha256: digest }) => (res as ServerResponse).end(digest));
    } else if (req.url === '/connection') {
      (res as ServerResponse).end(String(ids.get(connection)));
    } else {
      res.statusCode = 404;
      (res as ServerResponse).end();
    }
  };
  return { handler, connections: () => count };
}
