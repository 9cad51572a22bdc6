// The client: one per application and cluster. It owns the connections and the metadata cache that its
// producers, consumers and admin share; close() ends all of them at once.
import { Admin } from './admin/admin';
import { Clock, Rng, systemClock, systemRng } from './clock';
import { Cluster, ClusterEvents } from './cluster/cluster';
import { Consumer } from './consumer/consumer';
import { ConsumerOptions } from './consumer/types';
import { RafterClosedError, RafterInvalidArgumentError } from './errors';
import { Listener } from './events';
import { TransportFactory, webSocketTransport } from './network/transport';
import { Producer } from './producer/producer';
import { ProducerOptions } from './producer/types';
import { resolveRetryPolicy, RetryPolicy } from './retry';

export interface RafterOptions {
  /** Bootstrap brokers: `host:port` or ws:// / wss:// URLs. */
  brokers: readonly string[];
  /** Names this client in the application's own logs. The protocol has no handshake yet, so brokers do not see it. */
  clientId?: string;
  /** Time a request may wait for its response. Default 30000. */
  requestTimeoutMs?: number;
  /** Time to open a WebSocket. Default 10000. */
  connectTimeoutMs?: number;
  /**
   * A connection with requests outstanding that hears nothing from its broker for this long, WebSocket pings
   * included (sent after a quarter of it in silence), is declared dead: its requests fail as a lost connection
   * (retriable, persisted 'maybe') and metadata is refreshed, so a paused or silently cut-off leader costs about
   * this plus the election, not requestTimeoutMs. Long-poll fetches are not affected: brokers answer pings while
   * they wait. A pong cannot overtake a response being received, so keep it above the time the largest response
   * takes to arrive on a slow link. 0 turns it off. Needs a transport that can ping (Node's `ws`; the browser's
   * WebSocket cannot, and there only requestTimeoutMs applies). Default 5000.
   */
  livenessTimeoutMs?: number;
  /** Metadata older than this is refreshed before use. Default 300000. */
  metadataMaxAgeMs?: number;
  /** Requests on the wire per broker connection; more wait in a bounded queue. Default 64. */
  maxInFlightRequests?: number;
  /** Requests waiting for a slot per connection before requests fail with BUFFER_FULL. Default 10000. */
  maxQueuedRequests?: number;
  /** Backoff and attempts for reconnecting and for retrying metadata and admin requests. */
  retry?: Partial<RetryPolicy>;
  /** Replaces the WebSocket transport (tests, simulation). */
  transport?: TransportFactory;
  clock?: Clock;
  rng?: Rng;
}

export type ClientEvents = ClusterEvents;

function option(field: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min) throw new RafterInvalidArgumentError(field, `must be a number >= ${min}, got ${value}`);
  return v;
}

export class Rafter {
  readonly clientId: string;
  private readonly cluster: Cluster;
  private readonly clock: Clock;
  private readonly rng: Rng;
  private readonly retry: RetryPolicy;
  private readonly requestTimeoutMs: number;
  private readonly producers = new Set<Producer>();
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  constructor(options: RafterOptions) {
    if (!options || !Array.isArray(options.brokers) || options.brokers.length === 0) {
      throw new RafterInvalidArgumentError('brokers', 'give at least one broker address, e.g. ["127.0.0.1:9092"]');
    }
    this.clientId = options.clientId ?? 'rafter';
    this.clock = options.clock ?? systemClock;
    this.rng = options.rng ?? systemRng;
    this.retry = resolveRetryPolicy(options.retry);
    this.requestTimeoutMs = option('requestTimeoutMs', options.requestTimeoutMs, 30_000, 1);
    this.cluster = new Cluster({
      brokers: options.brokers,
      metadataMaxAgeMs: option('metadataMaxAgeMs', options.metadataMaxAgeMs, 300_000, 0),
      retry: this.retry,
      clock: this.clock,
      rng: this.rng,
      connection: {
        requestTimeoutMs: this.requestTimeoutMs,
        connectTimeoutMs: option('connectTimeoutMs', options.connectTimeoutMs, 10_000, 1),
        livenessTimeoutMs: option('livenessTimeoutMs', options.livenessTimeoutMs, 5_000, 0),
        maxInFlightRequests: option('maxInFlightRequests', options.maxInFlightRequests, 64, 1),
        maxQueuedRequests: option('maxQueuedRequests', options.maxQueuedRequests, 10_000, 0),
        retry: this.retry,
        clock: this.clock,
        rng: this.rng,
        transportFactory: options.transport ?? webSocketTransport,
      },
    });
  }

  /** Client status: connect (with reconnect: true after a loss), disconnect, metadata. Returns the remover. */
  on<K extends keyof ClientEvents>(type: K, listener: Listener<ClientEvents[K]>): () => void {
    return this.cluster.events.on(type, listener);
  }

  producer(options: ProducerOptions = {}): Producer {
    this.assertOpen();
    const producer = new Producer(this.context(), options);
    this.producers.add(producer);
    return producer;
  }

  consumer(options: ConsumerOptions = {}): Consumer {
    this.assertOpen();
    const consumer = new Consumer(this.context(), options);
    this.consumers.add(consumer);
    return consumer;
  }

  admin(): Admin {
    this.assertOpen();
    return new Admin({ cluster: this.cluster, retry: this.retry, clock: this.clock, rng: this.rng });
  }

  /**
   * Closes everything now: consumers stop, producers fail what they still hold with RafterClosedError (call
   * producer.flush() or producer.close() first to deliver it), connections close. Never waits on the network.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const producer of this.producers) producer.abort();
    await Promise.all([...this.consumers].map((c) => c.close()));
    this.cluster.close();
  }

  private context() {
    return { cluster: this.cluster, clock: this.clock, rng: this.rng, requestTimeoutMs: this.requestTimeoutMs, retry: this.retry };
  }

  private assertOpen(): void {
    if (this.closed) throw new RafterClosedError('client');
  }
}
