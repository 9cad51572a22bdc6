// One client connection: frame intake (size and type checks, the single copy out of uWS's buffer, bounds on what a
// request names, decoding), replies, and backpressure. Responses are encoded into an outbox and written in one
// corked batch per turn. A connection whose send buffer grows past pauseAboveBufferedBytes is paused: its new
// requests queue (bounded) and its fetches wait to read until the buffer has drained below half that. Requests in
// flight (dispatched, not yet answered) are bounded per connection by count and frame bytes; past that, new ones
// wait in the same queue until one is answered, so a connection pins a bounded amount of request memory however
// fast it sends. A response uWS drops (send() === 2) would leave a request unanswered forever, so a drop closes the
// connection instead.
import type { WebSocket } from 'uWebSockets.js';
import { decodeFrame, encodeFrame, ErrorCode, errorName, type rafter } from '../../client/protocol';
import type { BrokerConfig } from '../config';
import type { BrokerMetrics } from '../metrics';
import { entriesOverBound, peekCorrelationId, requestTypeLabel, type EntryBound } from './frame-peek';
import type { ClientConnection, Reply } from './request-context';
import type { ResponseBody } from './responses';

export interface SessionData {
  session?: ClientSession;
  /** The remote address, as the upgrade saw it: connections are counted per address. */
  address?: string;
}

export interface RequestDispatcher {
  dispatch(frame: rafter.Frame, connection: ClientConnection, reply: Reply): void;
}

export interface SessionHost {
  readonly config: BrokerConfig;
  readonly metrics: BrokerMetrics;
  readonly dispatcher: RequestDispatcher;
}

/** The repeated fields that bound a request's work, by field number in rafter.proto (Frame body, then the field). */
export function requestEntryBounds(config: BrokerConfig): EntryBound[] {
  const partitions = config.maxPartitionsPerRequest;
  return [
    { bodyField: 10, entryField: 1, limit: config.maxTopicsPerMetadataRequest, what: 'topics' }, // MetadataRequest.topics
    { bodyField: 18, entryField: 3, limit: partitions, what: 'partitions' }, // ProduceRequest.partitions
    { bodyField: 20, entryField: 4, limit: partitions, what: 'partitions' }, // FetchRequest.partitions
    { bodyField: 22, entryField: 1, limit: partitions, what: 'partitions' }, // ListOffsetsRequest.partitions
  ];
}

/** The part of uWS's WebSocket a session uses. */
export type SessionSocket = Pick<WebSocket<SessionData>, 'send' | 'cork' | 'getBufferedAmount' | 'end'>;

/** WebSocket close codes the broker uses (RFC 6455 §7.4.1). */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_POLICY_VIOLATION = 1008;

const SEND_DROPPED = 2;
/** Above this many bytes waiting in the outbox, write at once rather than at the end of the turn. */
const FLUSH_INLINE_BYTES = 64 * 1024;

interface QueuedFrame {
  bytes: Uint8Array;
  arrivedAtMs: number;
}

export class ClientSession implements ClientConnection {
  private closed = false;
  private paused = false;
  private readonly queue: QueuedFrame[] = [];
  private queuedBytes = 0;
  private readonly waitingForDrain: Array<(open: boolean) => void> = [];
  private readonly outbox: Uint8Array[] = [];
  private outboxBytes = 0;
  private flushScheduled = false;
  /** Dispatched and not yet answered: their count and frame bytes. */
  private inFlight = 0;
  private inFlightBytes = 0;
  private draining = false;
  /** performance.now() of the last frame received or answer given: idleness is measured from it. */
  private lastActiveMs = performance.now();
  private readonly entryBounds: readonly EntryBound[];

  constructor(private readonly ws: SessionSocket, private readonly host: SessionHost) {
    this.entryBounds = requestEntryBounds(host.config);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** uWS `message`: `message` is valid only during this call. */
  handleMessage(message: ArrayBuffer, isBinary: boolean): void {
    const arrivedAtMs = performance.now();
    this.lastActiveMs = arrivedAtMs;
    const { config, metrics } = this.host;
    metrics.bytesInTotal.inc(message.byteLength);
    if (message.byteLength > config.maxFrameBytes) {
      const correlationId = peekCorrelationId(new Uint8Array(message, 0, Math.min(16, message.byteLength)));
      return this.reject(correlationId, ErrorCode.FRAME_TOO_LARGE, 'too_large',
        `frame of ${message.byteLength} bytes exceeds the broker's limit of ${config.maxFrameBytes}`);
    }
    if (!isBinary) {
      return this.reject(0, ErrorCode.INVALID_REQUEST, 'text_frame', 'frames must be binary WebSocket messages');
    }
    // The one copy: everything decoded from the frame (batches included) are views into it.
    const bytes = new Uint8Array(message.slice(0));
    // Behind queued requests, so that requests are served in the order they came.
    if (this.queue.length > 0 || !this.mayProcess(bytes.length)) return this.enqueue({ bytes, arrivedAtMs });
    this.process(bytes, arrivedAtMs);
  }

  /** Not paused, and a frame of this size fits the in-flight bounds (one is always let through). */
  private mayProcess(frameBytes: number): boolean {
    if (this.paused) return false;
    if (this.inFlight === 0) return true;
    const { config } = this.host;
    return this.inFlight < config.maxInFlightRequestsPerConnection &&
      this.inFlightBytes + frameBytes <= config.maxInFlightRequestBytesPerConnection;
  }

  /** Serves queued requests in order while the connection may: after a drain, and after each answer. */
  private drainQueue(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.closed && this.queue.length > 0 && this.mayProcess(this.queue[0].bytes.length)) {
        const frame = this.queue.shift()!;
        this.queuedBytes -= frame.bytes.length;
        this.process(frame.bytes, frame.arrivedAtMs);
      }
    } finally {
      this.draining = false;
    }
  }

  /** Whether nothing has come in or gone out for maxIdleMs and nothing is in flight or waiting. */
  isIdle(nowMs: number, maxIdleMs: number): boolean {
    return this.inFlight === 0 && this.queue.length === 0 && nowMs - this.lastActiveMs >= maxIdleMs;
  }

  private enqueue(frame: QueuedFrame): void {
    this.queue.push(frame);
    this.queuedBytes += frame.bytes.length;
    if (this.queuedBytes > this.host.config.maxQueuedRequestBytes) {
      this.host.metrics.backpressureDropsTotal.inc({ kind: 'queue_overflow' });
      const why = this.paused ? 'while the connection is not reading its responses' : 'beyond the requests in flight a connection may have';
      this.end(CLOSE_POLICY_VIOLATION, `too many requests queued ${why}`);
    }
  }

  private process(bytes: Uint8Array, arrivedAtMs: number): void {
    const over = entriesOverBound(bytes, this.entryBounds);
    if (over) return this.reject(peekCorrelationId(bytes), ErrorCode.INVALID_REQUEST, 'over_limit', over);
    let frame: rafter.Frame;
    try {
      frame = decodeFrame(bytes);
    } catch (err) {
      return this.reject(peekCorrelationId(bytes), ErrorCode.INVALID_REQUEST, 'malformed',
        `the frame is not a valid rafter.Frame: ${(err as Error).message}`);
    }
    const reply = this.replyFor(frame.correlationId, requestTypeLabel(frame.body), arrivedAtMs, bytes.length);
    this.inFlight++;
    this.inFlightBytes += bytes.length;
    this.host.dispatcher.dispatch(frame, this, reply);
  }

  private reject(correlationId: number, error: ErrorCode, reason: string, errorMessage: string): void {
    this.host.metrics.framesRejectedTotal.inc({ reason });
    this.host.metrics.requestsTotal.inc({ type: 'none', error: errorName(error) });
    this.send({ correlationId, errorResponse: { error, errorMessage } });
  }

  private replyFor(correlationId: number, type: string, arrivedAtMs: number, frameBytes: number): Reply {
    const { metrics } = this.host;
    let done = false;
    const count = (error: ErrorCode) => {
      done = true;
      const nowMs = performance.now();
      metrics.requestsTotal.inc({ type, error: errorName(error) });
      metrics.requestDurationSeconds.observe({ type }, (nowMs - arrivedAtMs) / 1000);
      this.inFlight--;
      this.inFlightBytes -= frameBytes;
      this.lastActiveMs = nowMs;
      this.drainQueue();
    };
    return {
      get done() { return done; },
      send: (body: ResponseBody, error: ErrorCode) => {
        if (done) return;
        // Sent before counting: counting frees an in-flight place, and the requests that then run answer after it.
        this.send({ correlationId, ...body });
        count(error);
      },
      skip: (error: ErrorCode) => {
        if (!done) count(error);
      },
    };
  }

  private send(frame: rafter.Frame.$Properties): void {
    if (this.closed) return;
    const bytes = encodeFrame(frame);
    this.outbox.push(bytes);
    this.outboxBytes += bytes.length;
    if (this.outboxBytes >= FLUSH_INLINE_BYTES) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.outbox.length === 0) return;
    let sentBytes = 0;
    let dropped = false;
    this.ws.cork(() => {
      for (const bytes of this.outbox) {
        if (this.ws.send(bytes, true, false) === SEND_DROPPED) {
          dropped = true;
          break;
        }
        sentBytes += bytes.length;
      }
    });
    this.outbox.length = 0;
    this.outboxBytes = 0;
    this.host.metrics.bytesOutTotal.inc(sentBytes);
    if (dropped) {
      this.host.metrics.backpressureDropsTotal.inc({ kind: 'dropped_send' });
      return this.end(CLOSE_POLICY_VIOLATION, 'send buffer overflow: the client does not read its responses');
    }
    if (!this.paused && this.ws.getBufferedAmount() > this.host.config.pauseAboveBufferedBytes) {
      this.paused = true;
      this.host.metrics.connectionsPaused.inc();
      this.host.metrics.backpressureStallsTotal.inc();
    }
  }

  whenWritable(fn: (open: boolean) => void): void {
    if (this.closed) return fn(false);
    if (this.paused) this.waitingForDrain.push(fn);
    else fn(true);
  }

  /** uWS `drain`: the send buffer shrank. Resume below half the pause threshold, so as not to flap. */
  handleDrain(): void {
    if (!this.paused || this.closed) return;
    if (this.ws.getBufferedAmount() > this.host.config.pauseAboveBufferedBytes / 2) return;
    this.paused = false;
    this.host.metrics.connectionsPaused.dec();
    // Fetches waiting to read go first: they are the oldest requests. Each may pause the connection again.
    while (!this.paused && !this.closed && this.waitingForDrain.length > 0) this.waitingForDrain.shift()!(true);
    this.drainQueue();
  }

  /** uWS `close`: the socket is gone; nothing may touch ws any more. */
  handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.paused) this.host.metrics.connectionsPaused.dec();
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.outbox.length = 0;
    for (const fn of this.waitingForDrain.splice(0)) fn(false);
  }

  /** Flushes what is waiting and closes with a close frame; uWS calls `close` (handleClose) from within. */
  end(code: number, reason: string): void {
    if (this.closed) return;
    if (this.outbox.length > 0) this.flush();
    if (!this.closed) this.ws.end(code, reason);
  }
}
