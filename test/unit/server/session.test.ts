// A client session against a scripted socket: what reaches the dispatcher, what is sent back, and how the session
// pauses, resumes and closes under backpressure. The socket is a stand-in for uWS's WebSocket, driven by the test.
import { decodeFrame, encodeFrame, ErrorCode, type rafter } from '../../../client/protocol';
import { resolveBrokerConfig } from '../../../broker/config';
import { createBrokerMetrics } from '../../../broker/metrics';
import { ClientSession, requestEntryBounds, type RequestDispatcher, type SessionSocket } from '../../../broker/server/session';
import { entriesOverBound } from '../../../broker/server/frame-peek';
import type { ClientConnection, Reply } from '../../../broker/server';

class ScriptedSocket implements SessionSocket {
  sent: rafter.Frame[] = [];
  buffered = 0;
  sendResult = 1;
  closedWith: { code?: number; reason?: string } | undefined;
  session!: ClientSession;
  send(message: unknown): number {
    if (this.sendResult !== 2) this.sent.push(decodeFrame(message as Uint8Array));
    return this.sendResult;
  }
  cork(cb: () => void) { cb(); return this as never; }
  getBufferedAmount() { return this.buffered; }
  end(code?: number, reason?: unknown) {
    this.closedWith = { code, reason: String(reason) };
    this.session.handleClose();
  }
}

class RecordingDispatcher implements RequestDispatcher {
  frames: rafter.Frame[] = [];
  replies: Reply[] = [];
  connection!: ClientConnection;
  dispatch(frame: rafter.Frame, connection: ClientConnection, reply: Reply) {
    this.frames.push(frame);
    this.replies.push(reply);
    this.connection = connection;
  }
}

const config = resolveBrokerConfig({ maxFrameBytes: 64 * 1024, defaultMaxMessageBytes: 1024, maxFetchBytes: 4096,
  pauseAboveBufferedBytes: 10_000, maxBackpressureBytes: 100_000, maxQueuedRequestBytes: 64 * 1024 });
const flushed = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const arrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const request = (correlationId: number) => arrayBuffer(encodeFrame({ correlationId, listTopicsRequest: {} }));

function setup(overrides: Partial<typeof config> = {}) {
  const socket = new ScriptedSocket();
  const dispatcher = new RecordingDispatcher();
  const metrics = createBrokerMetrics(1);
  const session = new ClientSession(socket, { config: { ...config, ...overrides }, metrics, dispatcher });
  socket.session = session;
  return { socket, dispatcher, metrics, session };
}

describe('client session', () => {
  it('dispatches decoded frames and sends replies with their correlation id, once', async () => {
    const { socket, dispatcher, session } = setup();
    session.handleMessage(request(7), true);
    expect(dispatcher.frames.map((f) => [f.correlationId, f.body])).toEqual([[7, 'listTopicsRequest']]);
    dispatcher.replies[0].send({ listTopicsResponse: { topics: [] } }, ErrorCode.NONE);
    dispatcher.replies[0].send({ listTopicsResponse: { topics: [] } }, ErrorCode.NONE);
    await flushed();
    expect(socket.sent.map((f) => [f.correlationId, f.body])).toEqual([[7, 'listTopicsResponse']]);
  });

  it('copies the frame out of the transient uWS buffer', () => {
    const { dispatcher, session } = setup();
    const buffer = arrayBuffer(encodeFrame({ correlationId: 1, produceRequest: { partitions: [{ topic: 't', batch: new Uint8Array([1, 2, 3]) }] } }));
    session.handleMessage(buffer, true);
    new Uint8Array(buffer).fill(0);
    expect(Array.from(dispatcher.frames[0].produceRequest!.partitions![0].batch!)).toEqual([1, 2, 3]);
  });

  it('answers undecodable, text and oversized frames itself and stays open', async () => {
    const { socket, dispatcher, metrics, session } = setup();
    session.handleMessage(arrayBuffer(new Uint8Array([0x08, 0x05, 0xff, 0xff])), true);
    session.handleMessage(arrayBuffer(new Uint8Array([0x7b])), false);
    const big = new Uint8Array(config.maxFrameBytes + 1);
    big.set([0x08, 0x2a]);
    session.handleMessage(arrayBuffer(big), true);
    await flushed();
    expect(dispatcher.frames).toEqual([]);
    expect(socket.sent.map((f) => [f.correlationId, f.errorResponse!.error])).toEqual([
      [5, ErrorCode.INVALID_REQUEST], [0, ErrorCode.INVALID_REQUEST], [42, ErrorCode.FRAME_TOO_LARGE],
    ]);
    expect(session.isOpen).toBe(true);
    const rejected = (await metrics.registry.getSingleMetric('rafter_frames_rejected_total')!.get()).values;
    expect(rejected.map((v) => [v.labels.reason, v.value]).sort()).toEqual([['malformed', 1], ['over_limit', 0], ['text_frame', 1], ['too_large', 1]]);
  });

  it('pauses above the buffered threshold, queues requests and defers fetch reads, and resumes below half of it', async () => {
    const { socket, dispatcher, session } = setup();
    session.handleMessage(request(1), true);
    socket.buffered = 20_000;
    dispatcher.replies[0].send({ listTopicsResponse: {} }, ErrorCode.NONE);
    await flushed();
    expect(session.isPaused).toBe(true);

    session.handleMessage(request(2), true);
    session.handleMessage(request(3), true);
    const order: string[] = [];
    dispatcher.connection.whenWritable((open) => order.push(`fetch ${open}`));
    expect(dispatcher.frames).toHaveLength(1);
    expect(order).toEqual([]);

    socket.buffered = 6_000; // below the threshold, not below half of it
    session.handleDrain();
    expect(session.isPaused).toBe(true);
    socket.buffered = 4_000;
    session.handleDrain();
    expect(session.isPaused).toBe(false);
    expect(order).toEqual(['fetch true']);
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([1, 2, 3]);
  });

  it('closes a connection whose queue overflows while paused', async () => {
    const { socket, dispatcher, metrics, session } = setup();
    session.handleMessage(request(1), true);
    socket.buffered = 20_000;
    dispatcher.replies[0].send({ listTopicsResponse: {} }, ErrorCode.NONE);
    await flushed();
    const filler = arrayBuffer(encodeFrame({ correlationId: 9, produceRequest: { partitions: [{ topic: 't', batch: new Uint8Array(30_000) }] } }));
    for (let i = 0; i < 3 && session.isOpen; i++) session.handleMessage(filler, true);
    expect(socket.closedWith).toMatchObject({ code: 1008 });
    const drops = (await metrics.registry.getSingleMetric('rafter_backpressure_drops_total')!.get()).values;
    expect(drops.map((v) => [v.labels.kind, v.value]).sort()).toEqual([['dropped_send', 0], ['queue_overflow', 1]]);
  });

  it('treats a dropped send as fatal: closes rather than lose a response, and later replies go nowhere', async () => {
    const { socket, dispatcher, session } = setup();
    session.handleMessage(request(1), true);
    session.handleMessage(request(2), true);
    socket.sendResult = 2;
    dispatcher.replies[0].send({ listTopicsResponse: {} }, ErrorCode.NONE);
    await flushed();
    expect(socket.closedWith).toMatchObject({ code: 1008, reason: expect.stringMatching(/overflow/) });
    expect(session.isOpen).toBe(false);
    socket.sendResult = 1;
    dispatcher.replies[1].send({ listTopicsResponse: {} }, ErrorCode.NONE);
    await flushed();
    expect(socket.sent).toEqual([]);
    const calls: boolean[] = [];
    dispatcher.connection.whenWritable((open) => calls.push(open));
    expect(calls).toEqual([false]);
  });

  it('serves at most maxInFlightRequestsPerConnection at once; the rest wait in order until one is answered', async () => {
    const { dispatcher, session } = setup({ maxInFlightRequestsPerConnection: 2 });
    for (const id of [1, 2, 3, 4]) session.handleMessage(request(id), true);
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([1, 2]);
    dispatcher.replies[1].send({ listTopicsResponse: {} }, ErrorCode.NONE);
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([1, 2, 3]);
    // A request answered at once (as metadata is) frees its place at once: the queue runs on without recursion.
    dispatcher.replies[0].skip(ErrorCode.NONE);
    dispatcher.replies[2].skip(ErrorCode.NONE);
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([1, 2, 3, 4]);
  });

  it('bounds the frame bytes in flight too, and always lets one request through', () => {
    const { dispatcher, session } = setup({ maxInFlightRequestBytesPerConnection: 64 * 1024 });
    const produce = (id: number) => arrayBuffer(encodeFrame({ correlationId: id, produceRequest: { partitions: [{ topic: 't', batch: new Uint8Array(40_000) }] } }));
    session.handleMessage(produce(1), true);
    session.handleMessage(produce(2), true);
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([1]);
    dispatcher.replies[0].send({ produceResponse: {} }, ErrorCode.NONE);
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([1, 2]);
  });

  it('refuses a request naming more partitions or topics than allowed before decoding it', async () => {
    const { socket, dispatcher, metrics, session } = setup({ maxPartitionsPerRequest: 3, maxTopicsPerMetadataRequest: 2 });
    const fetch = (n: number) => ({ fetchRequest: { partitions: Array.from({ length: n }, (_, p) => ({ topic: 't', partition: p })) } });
    session.handleMessage(arrayBuffer(encodeFrame({ correlationId: 5, ...fetch(3) })), true);
    session.handleMessage(arrayBuffer(encodeFrame({ correlationId: 6, ...fetch(4) })), true);
    session.handleMessage(arrayBuffer(encodeFrame({ correlationId: 7, metadataRequest: { topics: ['a', 'b', 'c'] } })), true);
    await flushed();
    expect(dispatcher.frames.map((f) => f.correlationId)).toEqual([5]);
    expect(socket.sent.map((f) => [f.correlationId, f.errorResponse?.error, f.errorResponse?.errorMessage])).toEqual([
      [6, ErrorCode.INVALID_REQUEST, 'the request names more than 3 partitions'],
      [7, ErrorCode.INVALID_REQUEST, 'the request names more than 2 topics'],
    ]);
    const rejected = (await metrics.registry.getSingleMetric('rafter_frames_rejected_total')!.get()).values;
    expect(rejected.find((v) => v.labels.reason === 'over_limit')?.value).toBe(2);
  });

  it('is idle only with nothing in flight or queued and nothing received or answered for the idle time', () => {
    const { dispatcher, session } = setup();
    const start = performance.now();
    expect(session.isIdle(start + 1_000, 1_000)).toBe(true);
    session.handleMessage(request(1), true);
    const later = performance.now() + 60_000;
    expect(session.isIdle(later, 1_000)).toBe(false);
    dispatcher.replies[0].send({ listTopicsResponse: {} }, ErrorCode.NONE);
    expect(session.isIdle(performance.now(), 1_000)).toBe(false);
    expect(session.isIdle(performance.now() + 1_000, 1_000)).toBe(true);
  });
});

describe('request entry bounds', () => {
  it.each([
    ['metadata topics', (n: number) => ({ metadataRequest: { topics: Array.from({ length: n }, (_, i) => `t${i}`) } }), 'topics'],
    ['produce partitions', (n: number) => ({ produceRequest: { partitions: Array.from({ length: n }, (_, p) => ({ topic: 't', partition: p, batch: new Uint8Array(3) })) } }), 'partitions'],
    ['fetch partitions', (n: number) => ({ fetchRequest: { maxWaitMs: 5, partitions: Array.from({ length: n }, (_, p) => ({ topic: 't', partition: p, offset: 9 })) } }), 'partitions'],
    ['list-offsets partitions', (n: number) => ({ listOffsetsRequest: { partitions: Array.from({ length: n }, (_, p) => ({ topic: 't', partition: p, timestampMs: -1 })) } }), 'partitions'],
  ])('count the %s of an encoded frame, as rafter.proto numbers them', (_name, body, what) => {
    const bounds = requestEntryBounds(resolveBrokerConfig({ maxPartitionsPerRequest: 10, maxTopicsPerMetadataRequest: 10 }));
    expect(entriesOverBound(encodeFrame({ correlationId: 3, ...body(10) }), bounds)).toBeUndefined();
    expect(entriesOverBound(encodeFrame({ correlationId: 3, ...body(11) }), bounds)).toBe(`the request names more than 10 ${what}`);
  });

  it('leaves frames it cannot walk to the decoder', () => {
    const bounds = requestEntryBounds(resolveBrokerConfig({ maxPartitionsPerRequest: 1 }));
    expect(entriesOverBound(new Uint8Array([0xa2, 0x01, 0xff]), bounds)).toBeUndefined();
    expect(entriesOverBound(new Uint8Array([0x0f]), bounds)).toBeUndefined();
  });
});
