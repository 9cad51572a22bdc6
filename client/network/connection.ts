// One connection to one broker: a single WebSocket carrying Frames, matched to requests by correlation id.
// Requests are bounded (maxInFlightRequests on the wire, maxQueuedRequests waiting for a slot), each has its own
// timeout, and a lost socket fails every request in flight with a retriable RafterConnectionError. Reconnecting is
// one single-flight dial loop with jittered exponential backoff, started by the next request, so an idle broker
// is not redialled and there is never more than one socket per broker. With `failFast` (what a cluster client
// uses) a request waiting for the socket fails after the first failed attempt instead of waiting out the whole
// loop: a broker that is down should send the caller to refresh metadata and find the partition's new leader.
//
// Liveness: a broker process that is paused (SIGSTOP, a VM frozen) or cut off without a reset keeps its TCP
// connection open, and its requests would wait out their whole timeout. While requests are outstanding, a connection
// that has heard nothing from its broker for a quarter of livenessTimeoutMs pings it; hearing nothing at all, pongs
// included, for livenessTimeoutMs, it is declared dead: dropped, its requests failed as a lost connection (retriable,
// persisted 'maybe', metadata refreshed), so callers retry where the partition is led now. A long-poll fetch waits in
// silence legitimately, but the broker answers pings while it waits (uWS answers them itself), so it is not cut.
import { Clock, Rng, sleep, TimerHandle } from '../clock';
import {
  createErrorFromCode,
  RafterBufferFullError,
  RafterClosedError,
  RafterConnectionError,
  RafterInvariantError,
  RafterRequestTimeoutError,
} from '../errors';
import { Emitter } from '../events';
import { backoffMs, RetryPolicy } from '../retry';
import { decodeFrame, encodeFrame, rafter } from '../protocol';
import { RequestBody, RequestKind, RESPONSE_OF, ResponseBody } from './requests';
import { Transport, TransportFactory } from './transport';

export interface ConnectionOptions {
  /** host:port, used in error messages and as the connection's identity. */
  address: string;
  url: string;
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  maxInFlightRequests: number;
  maxQueuedRequests: number;
  /** Dial attempts before a request fails: retries + 1, with backoff between them. */
  retry: RetryPolicy;
  clock: Clock;
  rng: Rng;
  transportFactory: TransportFactory;
  /** Requests fail with a RafterConnectionError after one failed dial attempt (the loop dials on for later ones). */
  failFast?: boolean;
  /**
   * With requests outstanding, a connection silent this long (no response, no pong) is dropped; 0 or absent: never.
   * Only on transports that can ping (not the browser's WebSocket).
   */
  livenessTimeoutMs?: number;
}

export interface ConnectionEvents {
  connect: { address: string; reconnect: boolean };
  disconnect: { address: string; reason: string };
}

export interface RequestOptions {
  /** Overrides requestTimeoutMs, e.g. a long-poll fetch adds its maxWaitMs. */
  timeoutMs?: number;
  /** False for requests the broker does not answer (produce with acks=none): resolves once written. */
  expectResponse?: boolean;
}

interface InFlight {
  kind: RequestKind;
  resolve(body: unknown): void;
  reject(error: unknown): void;
  timer: unknown;
}

const MAX_CORRELATION_ID = 0xffff_ffff;

export class Connection {
  readonly address: string;
  readonly events = new Emitter<ConnectionEvents>();
  private transport: Transport | undefined;
  private dialing: Promise<Transport> | undefined;
  private everConnected = false;
  private closed = false;
  private readonly closedSignal: Promise<void>;
  private signalClosed!: () => void;
  private nextCorrelationId = 1;
  private readonly inFlight = new Map<number, InFlight>();
  /** Requests holding a slot: in flight, or about to be (waiting for the socket). */
  private slotsUsed = 0;
  private readonly slotWaiters: { resolve(): void; reject(error: unknown): void }[] = [];
  /** failFast requests waiting for the dial loop: told of every failed attempt. */
  private attemptWaiters: ((error: unknown) => void)[] = [];
  /** When the broker last said anything (a frame, a pong), or when requests began to be outstanding after a quiet spell. */
  private heardAtMs = 0;
  private livenessTimer: TimerHandle | undefined;
  private isSuspect = false;

  constructor(private readonly options: ConnectionOptions) {
    this.address = options.address;
    this.closedSignal = new Promise((resolve) => (this.signalClosed = resolve));
  }

  get isConnected(): boolean {
    return this.transport !== undefined;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /**
   * The last dial failed, or the last socket went silent (see livenessTimeoutMs), and no dial has succeeded since:
   * when choosing any broker to ask (metadata), this one goes last, so a paused broker, which takes TCP connections
   * but answers nothing, does not cost a connectTimeoutMs before the others are tried.
   */
  get suspect(): boolean {
    return this.isSuspect;
  }

  async request<K extends RequestKind>(kind: K, body: RequestBody<K>, options: RequestOptions = {}): Promise<ResponseBody<K>> {
    if (this.closed) throw new RafterClosedError(`connection to ${this.address}`);
    await this.acquireSlot();
    try {
      const transport = await (this.options.failFast ? this.connectOrFail() : this.connect());
      return await this.send(transport, kind, body, options);
    } finally {
      this.releaseSlot();
    }
  }

  /** Opens the socket if needed: single-flight, with backoff between failed attempts. */
  connect(): Promise<Transport> {
    if (this.transport) return Promise.resolve(this.transport);
    if (this.closed) return Promise.reject(new RafterClosedError(`connection to ${this.address}`));
    this.dialing ??= this.dialLoop().finally(() => (this.dialing = undefined));
    return this.dialing;
  }

  /** Like connect(), but gives up after the next failed attempt. */
  private connectOrFail(): Promise<Transport> {
    if (this.transport) return Promise.resolve(this.transport);
    const dialing = this.connect();
    return new Promise((resolve, reject) => {
      const onFailure = (error: unknown) => reject(new RafterConnectionError('cannot connect', this.address, { cause: error }));
      this.attemptWaiters.push(onFailure);
      const forget = () => { this.attemptWaiters = this.attemptWaiters.filter((w) => w !== onFailure); };
      dialing.then((t) => { forget(); resolve(t); }, (error: unknown) => { forget(); reject(error); });
    });
  }

  /** Fails everything pending and closes the socket. Prompt: never waits for the broker. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    const transport = this.transport;
    this.transport = undefined;
    this.stopLiveness();
    this.failInFlight(() => new RafterClosedError(`connection to ${this.address}`, 'maybe'));
    for (const waiter of this.slotWaiters.splice(0)) waiter.reject(new RafterClosedError(`connection to ${this.address}`));
    transport?.close();
    this.events.clear();
  }

  private async dialLoop(): Promise<Transport> {
    const { retry, clock, rng } = this.options;
    let lastError: unknown;
    for (let attempt = 0; attempt <= retry.retries && !this.closed; attempt++) {
      if (attempt > 0 && (await sleep(clock, backoffMs(retry, attempt - 1, rng), this.closedSignal)) === 'cancelled') break;
      try {
        return await this.dialOnce();
      } catch (error) {
        lastError = error;
        this.isSuspect = true;
        for (const fail of this.attemptWaiters.splice(0)) fail(error);
      }
    }
    if (this.closed) throw new RafterClosedError(`connection to ${this.address}`);
    throw new RafterConnectionError(`cannot connect after ${retry.retries + 1} attempts`, this.address, { cause: lastError });
  }

  private async dialOnce(): Promise<Transport> {
    let self: Transport | undefined;
    const transport = await this.options.transportFactory(
      this.options.url,
      {
        onMessage: (bytes) => this.handleMessage(bytes),
        onPong: () => {
          if (self !== undefined && self === this.transport) this.heardAtMs = this.options.clock.nowMs();
        },
        onClose: (reason) => {
          if (self !== undefined && self === this.transport) this.handleTransportLost(reason);
        },
      },
      { connectTimeoutMs: this.options.connectTimeoutMs },
    );
    if (this.closed) {
      transport.close();
      throw new RafterClosedError(`connection to ${this.address}`);
    }
    self = this.transport = transport;
    this.isSuspect = false;
    const reconnect = this.everConnected;
    this.everConnected = true;
    this.events.emit('connect', { address: this.address, reconnect });
    return transport;
  }

  private send<K extends RequestKind>(transport: Transport, kind: K, body: RequestBody<K>, options: RequestOptions): Promise<ResponseBody<K>> {
    const correlationId = this.takeCorrelationId();
    const bytes = encodeFrame({ correlationId, [kind]: body });
    if (options.expectResponse === false) {
      transport.send(bytes);
      return Promise.resolve(undefined as unknown as ResponseBody<K>);
    }
    return new Promise<ResponseBody<K>>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs;
      const timer = this.options.clock.setTimeout(() => {
        if (this.inFlight.delete(correlationId)) reject(new RafterRequestTimeoutError(this.address, correlationId, timeoutMs));
      }, timeoutMs);
      if (this.inFlight.size === 0) this.heardAtMs = this.options.clock.nowMs();
      this.inFlight.set(correlationId, { kind, resolve: resolve as (body: unknown) => void, reject, timer });
      this.startLiveness(transport);
      try {
        transport.send(bytes);
      } catch (error) {
        this.settle(correlationId)?.reject(new RafterConnectionError('send failed', this.address, { cause: error }));
      }
    });
  }

  private takeCorrelationId(): number {
    // 0 is left for frames the broker could not decode at all, which it cannot attribute to a request.
    const id = this.nextCorrelationId;
    this.nextCorrelationId = id === MAX_CORRELATION_ID ? 1 : id + 1;
    return id;
  }

  private handleMessage(bytes: Uint8Array): void {
    this.heardAtMs = this.options.clock.nowMs();
    let frame: rafter.Frame;
    try {
      frame = decodeFrame(bytes);
    } catch (error) {
      // A broker that sends undecodable frames cannot be trusted to pair responses: drop the socket.
      this.dropTransport(`undecodable frame from broker: ${(error as Error).message}`);
      return;
    }
    const request = this.settle(frame.correlationId);
    if (!request) return; // a response that arrived after its request timed out
    if (frame.body === 'errorResponse') {
      const { error, errorMessage } = frame.errorResponse!;
      request.reject(createErrorFromCode(error ?? rafter.ErrorCode.UNKNOWN, errorMessage ?? ''));
      return;
    }
    const expected = RESPONSE_OF[request.kind];
    if (frame.body !== expected) {
      request.reject(new RafterInvariantError(`broker answered ${request.kind} with ${frame.body ?? 'an empty frame'}, expected ${expected}`));
      return;
    }
    request.resolve(frame[expected]);
  }

  private settle(correlationId: number): InFlight | undefined {
    const request = this.inFlight.get(correlationId);
    if (!request) return undefined;
    this.inFlight.delete(correlationId);
    this.options.clock.clearTimeout(request.timer);
    return request;
  }

  private dropTransport(reason: string): void {
    const transport = this.transport;
    if (!transport) return;
    this.handleTransportLost(reason);
    transport.close();
  }

  /** Arms the liveness check for `transport` if it can ping and none is armed; it disarms itself when idle. */
  private startLiveness(transport: Transport): void {
    const livenessTimeoutMs = this.options.livenessTimeoutMs ?? 0;
    if (livenessTimeoutMs <= 0 || !transport.ping || this.livenessTimer !== undefined) return;
    const checkEveryMs = Math.max(1, Math.floor(livenessTimeoutMs / 4));
    const check = (): void => {
      this.livenessTimer = undefined;
      if (this.transport !== transport || this.inFlight.size === 0) return;
      const silentMs = this.options.clock.nowMs() - this.heardAtMs;
      if (silentMs >= livenessTimeoutMs) {
        this.isSuspect = true;
        this.dropTransport(`no response or pong for ${silentMs} ms with ${this.inFlight.size} requests outstanding (livenessTimeoutMs ${livenessTimeoutMs})`);
        return;
      }
      if (silentMs >= checkEveryMs) transport.ping!();
      this.livenessTimer = this.options.clock.setTimeout(check, Math.min(checkEveryMs, livenessTimeoutMs - silentMs));
    };
    this.livenessTimer = this.options.clock.setTimeout(check, checkEveryMs);
  }

  private stopLiveness(): void {
    if (this.livenessTimer === undefined) return;
    this.options.clock.clearTimeout(this.livenessTimer);
    this.livenessTimer = undefined;
  }

  private handleTransportLost(reason: string): void {
    this.stopLiveness();
    this.transport = undefined;
    // The broker may have acted on anything already written: 'maybe' persisted, and retriable.
    this.failInFlight(() => new RafterConnectionError(`connection lost: ${reason}`, this.address, { persisted: 'maybe' }));
    this.events.emit('disconnect', { address: this.address, reason });
  }

  private failInFlight(makeError: () => Error): void {
    const requests = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const request of requests) {
      this.options.clock.clearTimeout(request.timer);
      request.reject(makeError());
    }
  }

  private acquireSlot(): Promise<void> | void {
    if (this.slotsUsed < this.options.maxInFlightRequests && this.slotWaiters.length === 0) {
      this.slotsUsed++;
      return;
    }
    if (this.slotWaiters.length >= this.options.maxQueuedRequests) {
      throw new RafterBufferFullError(`more than ${this.options.maxQueuedRequests} requests queued for ${this.address}`);
    }
    // The slot passes straight from releaseSlot to the first waiter, so slotsUsed is not incremented here.
    return new Promise((resolve, reject) => this.slotWaiters.push({ resolve, reject }));
  }

  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next.resolve();
    else this.slotsUsed--;
  }
}
