import type { Duplex } from 'node:stream';

/** What a transport binding reports to its session. */
export interface TransportEvents {
  /** Bytes taken from the transport (never more than `room()` allowed). */
  received(chunk: Uint8Array): void;
  /** The transport's input is over: end of stream (TCP FIN) or the stream closed. */
  ended(): void;
  failed(error: NodeJS.ErrnoException): void;
  /** Written bytes left the transport's buffer, after `wantRoom()` or on 'drain'. */
  drained(): void;
}

/** How long an owned socket may take to flush its last bytes (a final alert) before it is destroyed. */
const SOCKET_LINGER_MS = 1000;

/**
 * A session's hold on its transport (a net.Socket or any byte Duplex). Reading is pulled, not
 * pushed: the binding takes from the stream only as many bytes as `room()` allows, so a peer that
 * sends faster than the session can pass data on waits in TCP (as with node:tls), not in memory.
 */
export class TransportBinding {
  private attached = false;
  private pumping = false;
  private inputOver = false;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stream listeners of different shapes
  private readonly listeners: [string, (...args: any[]) => void][] = [];
  private readonly drainWaiters: (() => void)[] = [];
  private roomWanted = false;
  private corked = false;
  private readonly uncork = (): void => {
    this.corked = false;
    this.socket.uncork();
  };
  /** Each write's callback: the transport took that chunk, so there may be room again. */
  private readonly flushed = (): void => {
    if (!this.roomWanted) return;
    this.roomWanted = false;
    this.events.drained();
  };

  constructor(
    private readonly socket: Duplex,
    private readonly events: TransportEvents,
    /** How many more bytes the session may take now. */
    private readonly room: () => number,
  ) {}

  /** Ciphertext written and not yet taken by the transport. */
  get buffered(): number {
    return this.socket.writableLength;
  }

  attach(): void {
    if (this.attached) return;
    this.attached = true;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    const on = (event: string, handler: (...args: any[]) => void): void => {
      this.socket.on(event, handler);
      this.listeners.push([event, handler]);
    };
    // A 'readable' listener puts the stream in paused mode: it reads ahead only up to its own
    // high-water mark (64 KiB for a socket), and we take from it only what fits (pump).
    on('readable', () => this.pump());
    on('end', () => this.endOfInput());
    on('close', () => this.endOfInput());
    on('error', (error: NodeJS.ErrnoException) => this.events.failed(error));
    on('drain', () => {
      for (const waiter of this.drainWaiters.splice(0)) waiter();
      this.events.drained();
    });
    this.pump();
  }

  /** Stops listening; the stream is left as it is (paused, unread data kept) for whoever owns it. */
  detach(): void {
    this.attached = false;
    for (const [event, handler] of this.listeners.splice(0)) this.socket.off(event, handler);
    this.drainWaiters.length = 0;
  }

  /**
   * Takes what the stream holds, as far as `room()` allows. Called when data arrives and whenever
   * room grows (the application read, the transport drained).
   */
  pump(): void {
    if (!this.attached || this.pumping) return;
    this.pumping = true;
    try {
      while (this.attached && !this.inputOver) {
        const available = this.socket.readableLength;
        // Nothing held: read() re-arms 'readable' (and lets a finished stream emit 'end').
        if (available === 0) {
          this.socket.read();
          return;
        }
        const room = this.room();
        if (room <= 0) {
          this.wantRoom();
          return;
        }
        const chunk = this.socket.read(Math.min(room, available)) as Uint8Array | null;
        if (chunk === null) return;
        this.events.received(chunk);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Hands ciphertext to the transport; dropped once the transport can take no more. */
  write(ciphertext: Uint8Array): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.socket.write(ciphertext, this.flushed);
  }

  /**
   * The session waits for output to leave: report `drained` when the next written chunk is taken.
   * ('drain' alone is not enough: a transport below its high-water mark never emits it.)
   */
  wantRoom(): void {
    this.roomWanted = true;
  }

  /** Runs `then` once what was written has left (at once when nothing waits). */
  whenDrained(then: () => void): void {
    if (this.socket.writableNeedDrain && !this.socket.destroyed) this.drainWaiters.push(then);
    else then();
  }

  /**
   * Holds output until the end of this tick: the records of every engine call made in it (a
   * flight and the tickets after it, a run of sends, a reply and close_notify) leave in one write
   * (one writev on a socket) instead of one syscall each.
   */
  cork(): void {
    if (this.corked) return;
    this.corked = true;
    this.socket.cork();
    process.nextTick(this.uncork);
  }

  /**
   * Closes a socket the session owns: what was already written (a final alert, close_notify) is
   * flushed first, so the peer learns why; a peer that does not read cannot hold it open for long.
   */
  release(): void {
    const socket = this.socket;
    // Errors of a socket we are discarding have nobody left to hear them.
    socket.on('error', () => undefined);
    if (socket.destroyed) return;
    if (socket.writableLength === 0 || socket.writableEnded) {
      socket.destroy();
      return;
    }
    const linger = setTimeout(() => socket.destroy(), SOCKET_LINGER_MS);
    socket.once('finish', () => {
      clearTimeout(linger);
      socket.destroy();
    });
    socket.once('close', () => clearTimeout(linger));
    socket.end();
  }

  private endOfInput(): void {
    if (this.inputOver) return;
    this.inputOver = true;
    this.events.ended();
  }
}
