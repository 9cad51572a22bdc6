// The byte pipe under a Connection: one WebSocket carrying binary frames. The SDK core stays browser-safe: it uses
// the platform's WebSocket when there is one and loads the `ws` package lazily (Node 20 has no global WebSocket).
// Tests and the simulator pass their own TransportFactory.

export interface Transport {
  send(bytes: Uint8Array): void;
  close(): void;
  /** Bytes queued in the socket but not yet written to the network. */
  readonly bufferedAmount: number;
  /**
   * Sends a WebSocket ping; the peer's pong arrives as onPong. Absent where the platform cannot ping (the browser's
   * WebSocket): the connection then has no liveness check (see ConnectionOptions.livenessTimeoutMs).
   */
  ping?(): void;
}

export interface TransportHandlers {
  onMessage(bytes: Uint8Array): void;
  /** The peer answered a ping. */
  onPong?(): void;
  /** The open transport closed (not called when opening fails: the factory rejects instead). */
  onClose(reason: string): void;
}

/** Opens a transport; resolves once it is open, rejects if it cannot be opened within connectTimeoutMs. */
export type TransportFactory = (url: string, handlers: TransportHandlers, options: { connectTimeoutMs: number }) => Promise<Transport>;

/** The part of the WebSocket API shared by browsers and `ws`, and the ping that only `ws` has. */
interface WebSocketLike {
  binaryType: string;
  readonly bufferedAmount: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  ping?(): void;
  on?(event: 'pong', listener: () => void): void;
}

type WebSocketConstructor = new (url: string) => WebSocketLike;

let nodeWebSocket: Promise<WebSocketConstructor> | undefined;

function webSocketConstructor(): Promise<WebSocketConstructor> {
  const platform = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (platform) return Promise.resolve(platform);
  // Only reached outside browsers; a bundler targeting browsers never needs to follow this import.
  nodeWebSocket ??= import('ws').then((mod) => ((mod as { default?: unknown }).default ?? mod.WebSocket) as unknown as WebSocketConstructor);
  return nodeWebSocket;
}

function toBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return data; // ws with binaryType 'nodebuffer': a Buffer, no copy
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

export const webSocketTransport: TransportFactory = async (url, handlers, { connectTimeoutMs }) => {
  const Ctor = await webSocketConstructor();
  return new Promise<Transport>((resolve, reject) => {
    const socket = new Ctor(url);
    const isPlatform = Ctor === (globalThis as { WebSocket?: unknown }).WebSocket;
    socket.binaryType = isPlatform ? 'arraybuffer' : 'nodebuffer';
    let open = false;
    let failed = false;
    const fail = (reason: string): void => {
      if (open || failed) return;
      failed = true;
      clearTimeout(timer);
      socket.onopen = socket.onmessage = socket.onclose = null;
      socket.onerror = () => {}; // a late error must not become an unhandled 'error' event
      try {
        socket.close();
      } catch {
        // closing a socket that never opened may throw in some runtimes; it is gone either way
      }
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail(`connect timed out after ${connectTimeoutMs} ms`), connectTimeoutMs);
    socket.onerror = (event) => fail(event?.message || `cannot connect to ${url}`);
    socket.onclose = (event) => {
      if (!open) return fail(`closed while connecting (code ${event.code})`);
      handlers.onClose(`closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''})`);
    };
    socket.onmessage = (event) => {
      const bytes = toBytes(event.data);
      // The protocol is binary only: a text message means the peer is not a Rafter broker.
      if (bytes === undefined) socket.close(1003, 'binary frames only');
      else handlers.onMessage(bytes);
    };
    socket.onopen = () => {
      if (failed) return;
      open = true;
      clearTimeout(timer);
      // After open, errors are followed by a close event, which is where we report them.
      socket.onerror = () => {};
      const canPing = !isPlatform && typeof socket.ping === 'function' && typeof socket.on === 'function';
      if (canPing) socket.on!('pong', () => handlers.onPong?.());
      resolve({
        send: (bytes) => socket.send(bytes),
        close: () => socket.close(1000),
        get bufferedAmount() {
          return socket.bufferedAmount;
        },
        ...(canPing ? { ping: () => socket.ping!() } : {}),
      });
    };
  });
};
