import type { Server } from 'node:http';

/** Closes an http(s) server and the keep-alive connections it still holds. */
export function closeHttpServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
