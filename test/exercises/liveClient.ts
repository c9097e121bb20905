import WebSocket from 'ws';

/**
 * A WebSocket client of the live exercise session for tests and the benchmark: keeps every raw frame as
 * received (to assert on the bytes), the parsed ones, and lets a test wait for a frame.
 */
export class LiveClient {
  readonly raw: string[] = [];
  readonly frames: Record<string, unknown>[] = [];
  private waiters: {
    test: (f: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      const frame = JSON.parse(text) as Record<string, unknown>;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
  }

  /** Opens the socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, headers: Record<string, string>): Promise<LiveClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const client = new LiveClient(socket);
      socket.once('open', () => resolve(client));
      // With a listener, ws leaves the refused request open: end it, or the server waits for it when closing.
      socket.once('unexpected-response', (req, res) => {
        req.destroy();
        reject(new Error(`HTTP ${res.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  /** The first frame from index `from` on (already received or to come) that passes `test`. */
  waitFor(test: (f: Record<string, unknown>) => boolean, from = 0, timeoutMs = 20_000) {
    const found = this.frames.slice(from).find(test);
    if (found) return Promise.resolve(found);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such frame in time')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Sends a frame with a request id and waits for its ack or error. */
  async request(frame: Record<string, unknown>): Promise<Record<string, unknown>> {
    const requestId = `r${Math.random().toString(36).slice(2)}`;
    const reply = this.waitFor((f) => f.requestId === requestId);
    this.send({ ...frame, requestId });
    return reply;
  }

  /** The event views received, in order. */
  events(): Record<string, unknown>[] {
    return this.frames.filter((f) => f.type === 'event').map((f) => f.event as Record<string, unknown>);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
