// Connection against a tiny in-test WebSocket server that speaks rafter.Frame (a fixture, not a broker).
import { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import { systemClock } from '../../../client/clock';
import {
  NotLeaderError,
  RafterBufferFullError,
  RafterClosedError,
  RafterConnectionError,
  RafterProtocolError,
  RafterRequestTimeoutError,
} from '../../../client/errors';
import { Connection, ConnectionOptions } from '../../../client/network/connection';
import { webSocketTransport } from '../../../client/network/transport';
import { decodeFrame, encodeFrame, ErrorCode, rafter } from '../../../client/protocol';

type Handler = (frame: rafter.Frame, socket: WebSocket) => void;

class FrameServer {
  readonly sockets = new Set<WebSocket>();
  readonly received: rafter.Frame[] = [];
  connections = 0;

  private constructor(readonly wss: WebSocketServer, public handler: Handler) {
    wss.on('connection', (socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const frame = decodeFrame(data as Buffer);
        this.received.push(frame);
        this.handler(frame, socket);
      });
    });
  }

  /** autoPong false: a server that takes pings and answers none, as a paused process does. */
  static start(handler: Handler, port = 0, options: { autoPong?: boolean } = {}): Promise<FrameServer> {
    return new Promise((resolve) => {
      const wss: WebSocketServer = new WebSocketServer({ host: '127.0.0.1', port, ...options }, () => resolve(new FrameServer(wss, handler)));
    });
  }

  get port(): number {
    return (this.wss.address() as AddressInfo).port;
  }

  dropClients(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  stop(): Promise<void> {
    this.dropClients();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}

const echoMetadata: Handler = (frame, socket) => {
  socket.send(encodeFrame({ correlationId: frame.correlationId, metadataResponse: { clusterId: `c${frame.correlationId}` } }));
};

function connectionTo(port: number, overrides: Partial<ConnectionOptions> = {}): Connection {
  return new Connection({
    address: `127.0.0.1:${port}`,
    url: `ws://127.0.0.1:${port}/`,
    requestTimeoutMs: 2000,
    connectTimeoutMs: 1000,
    maxInFlightRequests: 16,
    maxQueuedRequests: 100,
    retry: { initialRetryTimeMs: 10, maxRetryTimeMs: 50, retries: 3 },
    clock: systemClock,
    rng: () => 0.5,
    transportFactory: webSocketTransport,
    ...overrides,
  });
}

describe('Connection', () => {
  let server: FrameServer;
  let connection: Connection | undefined;

  afterEach(async () => {
    connection?.close();
    connection = undefined;
    await server?.stop();
  });

  it('pairs responses with requests by correlation id, even when answered out of order', async () => {
    const held: rafter.Frame[] = [];
    server = await FrameServer.start((frame, socket) => {
      held.push(frame);
      if (held.length === 3) for (const f of held.reverse()) echoMetadata(f, socket);
    });
    connection = connectionTo(server.port);
    const results = await Promise.all([1, 2, 3].map(() => connection!.request('metadataRequest', {})));
    const ids = server.received.map((f) => f.correlationId);
    expect(new Set(ids).size).toBe(3);
    expect(results.map((r) => r.clusterId)).toEqual(ids.map((id) => `c${id}`));
  });

  it('rejects with a retriable RafterRequestTimeoutError when no response comes, and ignores the late one', async () => {
    let late: (() => void) | undefined;
    server = await FrameServer.start((frame, socket) => (late = () => echoMetadata(frame, socket)));
    connection = connectionTo(server.port, { requestTimeoutMs: 50 });
    const error = await connection.request('metadataRequest', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RafterRequestTimeoutError);
    expect(error).toMatchObject({ retriable: true, persisted: 'maybe', code: 'REQUEST_TIMEOUT', timeoutMs: 50 });
    late!();
    // The connection still works after a late response to a timed-out request.
    server.handler = echoMetadata;
    await expect(connection.request('metadataRequest', {})).resolves.toMatchObject({ clusterId: expect.any(String) });
  });

  it('maps an ErrorResponse to the typed error of its code', async () => {
    server = await FrameServer.start((frame, socket) =>
      socket.send(encodeFrame({ correlationId: frame.correlationId, errorResponse: { error: ErrorCode.NOT_LEADER, errorMessage: 'moved' } })),
    );
    connection = connectionTo(server.port);
    const error = await connection.request('metadataRequest', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotLeaderError);
    expect(error).toMatchObject({ code: 'NOT_LEADER', retriable: true, refreshMetadata: true, brokerMessage: 'moved' });
  });

  it('rejects a response of the wrong type instead of handing it to the caller', async () => {
    server = await FrameServer.start((frame, socket) => socket.send(encodeFrame({ correlationId: frame.correlationId, fetchResponse: {} })));
    connection = connectionTo(server.port);
    await expect(connection.request('metadataRequest', {})).rejects.toMatchObject({ code: 'INVARIANT_VIOLATION' });
  });

  it('fails in-flight requests with a retriable connection error when the socket drops, then reconnects', async () => {
    server = await FrameServer.start(() => server.dropClients());
    connection = connectionTo(server.port);
    const events: string[] = [];
    connection.events.on('connect', (e) => events.push(e.reconnect ? 'reconnect' : 'connect'));
    connection.events.on('disconnect', () => events.push('disconnect'));
    const error = await connection.request('metadataRequest', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RafterConnectionError);
    expect(error).toMatchObject({ retriable: true, persisted: 'maybe' });
    server.handler = echoMetadata;
    await expect(connection.request('metadataRequest', {})).resolves.toBeDefined();
    expect(events).toEqual(['connect', 'disconnect', 'reconnect']);
    expect(server.connections).toBe(2);
  });

  it('redials with backoff until the broker comes back', async () => {
    server = await FrameServer.start(echoMetadata);
    const port = server.port;
    await server.stop();
    connection = connectionTo(port, { retry: { initialRetryTimeMs: 40, maxRetryTimeMs: 200, retries: 10 } });
    const pending = connection.request('metadataRequest', {});
    await new Promise((r) => setTimeout(r, 60));
    server = await FrameServer.start(echoMetadata, port);
    await expect(pending).resolves.toBeDefined();
  });

  it('gives up dialling after retries + 1 attempts with a connection error that names the broker', async () => {
    server = await FrameServer.start(echoMetadata);
    const port = server.port;
    await server.stop();
    connection = connectionTo(port, { retry: { initialRetryTimeMs: 1, maxRetryTimeMs: 2, retries: 2 } });
    const error = await connection.request('metadataRequest', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RafterConnectionError);
    expect((error as Error).message).toContain(`cannot connect after 3 attempts (broker 127.0.0.1:${port})`);
    expect(error).toMatchObject({ persisted: 'no', retriable: true });
  });

  it('bounds requests in flight and queues the rest up to maxQueuedRequests', async () => {
    const held: { frame: rafter.Frame; socket: WebSocket }[] = [];
    server = await FrameServer.start((frame, socket) => held.push({ frame, socket }));
    connection = connectionTo(server.port, { maxInFlightRequests: 2, maxQueuedRequests: 1 });
    const requests = [1, 2, 3].map(() => connection!.request('metadataRequest', {}));
    await expect(connection.request('metadataRequest', {})).rejects.toBeInstanceOf(RafterBufferFullError);
    await new Promise((r) => setTimeout(r, 50));
    expect(held).toHaveLength(2);
    expect(connection.inFlightCount).toBe(2);
    echoMetadata(held[0].frame, held[0].socket);
    await requests[0];
    await new Promise((r) => setTimeout(r, 50));
    expect(held).toHaveLength(3);
    for (const h of held.slice(1)) echoMetadata(h.frame, h.socket);
    await expect(Promise.all(requests)).resolves.toHaveLength(3);
  });

  it('close() fails pending requests at once and refuses new ones', async () => {
    server = await FrameServer.start(() => {});
    connection = connectionTo(server.port);
    const pending = connection.request('metadataRequest', {});
    await new Promise((r) => setTimeout(r, 30));
    connection.close();
    await expect(pending).rejects.toBeInstanceOf(RafterClosedError);
    await expect(connection.request('metadataRequest', {})).rejects.toBeInstanceOf(RafterClosedError);
  });

  it('close() interrupts a dial loop that is waiting out its backoff', async () => {
    server = await FrameServer.start(echoMetadata);
    const port = server.port;
    await server.stop();
    connection = connectionTo(port, { retry: { initialRetryTimeMs: 10_000, maxRetryTimeMs: 10_000, retries: 5 } });
    const pending = connection.request('metadataRequest', {});
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    connection.close();
    await expect(pending).rejects.toBeInstanceOf(RafterClosedError);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('resolves acks=none style requests once written, without waiting for an answer', async () => {
    server = await FrameServer.start(() => {});
    connection = connectionTo(server.port);
    await expect(connection.request('produceRequest', { acks: rafter.Acks.ACKS_NONE, partitions: [] }, { expectResponse: false })).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 30));
    expect(server.received[0].produceRequest!.acks).toBe(rafter.Acks.ACKS_NONE);
    expect(connection.inFlightCount).toBe(0);
  });

  it('surfaces a broker error code as a RafterProtocolError carrying the numeric code', async () => {
    server = await FrameServer.start((frame, socket) =>
      socket.send(encodeFrame({ correlationId: frame.correlationId, errorResponse: { error: ErrorCode.FRAME_TOO_LARGE } })),
    );
    connection = connectionTo(server.port);
    const error = await connection.request('metadataRequest', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RafterProtocolError);
    expect(error).toMatchObject({ errorCode: ErrorCode.FRAME_TOO_LARGE, code: 'FRAME_TOO_LARGE', retriable: false });
  });

  it('liveness: drops a connection that answers neither requests nor pings within livenessTimeoutMs: retriable, persisted maybe', async () => {
    server = await FrameServer.start(() => {}, 0, { autoPong: false });
    connection = connectionTo(server.port, { requestTimeoutMs: 30_000, livenessTimeoutMs: 200 });
    const reasons: string[] = [];
    connection.events.on('disconnect', ({ reason }) => reasons.push(reason));
    const startedAtMs = Date.now();
    const error = await connection.request('metadataRequest', {}).catch((e: unknown) => e);
    const waitedMs = Date.now() - startedAtMs;
    expect(error).toBeInstanceOf(RafterConnectionError);
    expect(error).toMatchObject({ retriable: true, persisted: 'maybe', refreshMetadata: true });
    expect(waitedMs).toBeGreaterThanOrEqual(190);
    expect(waitedMs).toBeLessThan(10_000);
    expect(reasons).toEqual([expect.stringContaining('(livenessTimeoutMs 200)')]);
    expect(connection.suspect).toBe(true);
  });

  it('liveness: keeps a request the broker holds past livenessTimeoutMs while it answers pings (a long poll)', async () => {
    let answer: (() => void) | undefined;
    server = await FrameServer.start((frame, socket) => (answer = () => echoMetadata(frame, socket)));
    connection = connectionTo(server.port, { requestTimeoutMs: 30_000, livenessTimeoutMs: 100 });
    const disconnects: string[] = [];
    connection.events.on('disconnect', ({ reason }) => disconnects.push(reason));
    const pending = connection.request('metadataRequest', {});
    await new Promise((resolve) => setTimeout(resolve, 600));
    answer!();
    await expect(pending).resolves.toMatchObject({ clusterId: expect.any(String) });
    expect(disconnects).toEqual([]);
    expect(connection.suspect).toBe(false);
  });

  it('liveness: pings nobody and drops nothing while no request is outstanding', async () => {
    server = await FrameServer.start(echoMetadata, 0, { autoPong: false });
    connection = connectionTo(server.port, { livenessTimeoutMs: 100 });
    const disconnects: string[] = [];
    connection.events.on('disconnect', ({ reason }) => disconnects.push(reason));
    await connection.request('metadataRequest', {});
    let pings = 0;
    for (const socket of server.sockets) socket.on('ping', () => pings++);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect({ pings, disconnects }).toEqual({ pings: 0, disconnects: [] });
    // And a request after the quiet spell is not judged by it.
    await expect(connection.request('metadataRequest', {})).resolves.toBeDefined();
  });

  it('liveness: with livenessTimeoutMs 0 waits for requestTimeoutMs', async () => {
    server = await FrameServer.start(() => {}, 0, { autoPong: false });
    connection = connectionTo(server.port, { requestTimeoutMs: 400, livenessTimeoutMs: 0 });
    await expect(connection.request('metadataRequest', {})).rejects.toBeInstanceOf(RafterRequestTimeoutError);
  });
});
