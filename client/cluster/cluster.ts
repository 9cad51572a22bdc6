// The cluster as the client sees it: one Connection per broker (by address, so a bootstrap connection is reused
// once metadata names its broker), and a metadata cache of brokers, topics and partition leaders. The cache is
// refreshed single-flight for every topic anyone asked about, when it is older than metadataMaxAgeMs, after a
// stale-metadata error (NOT_LEADER, UNKNOWN_TOPIC, ...) or after a lost connection. A NOT_LEADER that names the
// new leader updates the cache directly, so the next request goes there without a metadata round trip.
import { Clock, Rng } from '../clock';
import { createErrorFromCode, RafterClosedError, RafterConnectionError, RafterError } from '../errors';
import { Emitter } from '../events';
import { Connection, ConnectionOptions, RequestOptions } from '../network/connection';
import { RequestBody, RequestKind, ResponseBody } from '../network/requests';
import { ErrorCode } from '../protocol';
import { RetryPolicy, withRetry } from '../retry';
import { BrokerAddress, brokerUrl, parseBrokerAddress, UrlTemplate } from './broker-address';
import { TopicInfo, toTopicInfo } from './metadata';

/** Topics named per Metadata request: well below any broker's maxTopicsPerMetadataRequest (1000 by default). */
export const METADATA_TOPICS_PER_REQUEST = 500;

export type ConnectionSettings = Omit<ConnectionOptions, 'address' | 'url'>;

export interface ClusterOptions {
  brokers: readonly string[];
  connection: ConnectionSettings;
  metadataMaxAgeMs: number;
  retry: RetryPolicy;
  clock: Clock;
  rng: Rng;
}

export interface ClusterEvents {
  connect: { address: string; reconnect: boolean };
  disconnect: { address: string; reason: string };
  metadata: { topics: string[]; brokers: number };
}

interface CachedTopic {
  info: TopicInfo | undefined;
  /** The topic's error in the last metadata answer (UNKNOWN_TOPIC, ...). */
  error: ErrorCode;
  fetchedAtMs: number;
  stale: boolean;
}

export class Cluster {
  readonly events = new Emitter<ClusterEvents>();
  controllerId = -1;
  clusterId = '';
  private readonly bootstrap: BrokerAddress[];
  private readonly template: UrlTemplate;
  private readonly connections = new Map<string, Connection>();
  private readonly brokers = new Map<number, BrokerAddress>();
  private readonly topics = new Map<string, CachedTopic>();
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private closed = false;
  private readonly closedSignal: Promise<void>;
  private signalClosed!: () => void;
  private nextBootstrap = 0;

  constructor(private readonly options: ClusterOptions) {
    if (options.brokers.length === 0) throw new RafterError('brokers: at least one broker address is required', { code: 'INVALID_ARGUMENT' });
    const parsed = options.brokers.map((b) => parseBrokerAddress(b));
    this.template = parsed[0].template;
    this.bootstrap = parsed.map(({ address, url }) => ({ address, url }));
    this.closedSignal = new Promise((resolve) => (this.signalClosed = resolve));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Settles when the cluster closes: lets waits and retries stop promptly. */
  get closing(): Promise<void> {
    return this.closedSignal;
  }

  /** A topic's metadata: from the cache when fresh, else after a refresh. Throws the topic's error (e.g. UNKNOWN_TOPIC). */
  async topic(name: string): Promise<TopicInfo> {
    const cached = this.freshTopic(name);
    if (cached) return cached;
    await this.refresh([name]);
    const entry = this.topics.get(name);
    if (!entry?.info) throw createErrorFromCode(entry?.error || ErrorCode.UNKNOWN_TOPIC, '', { topic: name });
    return entry.info;
  }

  /** The cached metadata if present and not known to be stale; never does I/O. */
  freshTopic(name: string): TopicInfo | undefined {
    const entry = this.topics.get(name);
    if (!entry?.info || entry.stale) return undefined;
    if (this.options.clock.nowMs() - entry.fetchedAtMs > this.options.metadataMaxAgeMs) return undefined;
    return entry.info;
  }

  /** Like topic(), retrying within the client's retry policy (e.g. while a new topic propagates). */
  topicWithRetry(name: string): Promise<TopicInfo> {
    return withRetry(() => this.topic(name), { policy: this.options.retry, clock: this.options.clock, rng: this.options.rng, cancel: this.closedSignal });
  }

  /** Refreshes metadata for `topics` plus every topic already cached. Single-flight; one more round if asked meanwhile. */
  async refresh(topics: readonly string[] = []): Promise<void> {
    for (const name of topics) {
      if (!this.topics.has(name)) this.topics.set(name, { info: undefined, error: ErrorCode.NONE, fetchedAtMs: 0, stale: true });
    }
    // A refresh under way goes round once more, so topics added now are in the answer it resolves with.
    if (this.refreshing) this.refreshAgain = true;
    else this.refreshing = this.refreshLoop().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Marks a topic (or, without a name, every topic) for refresh before its next use. */
  markStale(topic?: string): void {
    if (topic === undefined) for (const entry of this.topics.values()) entry.stale = true;
    else {
      const entry = this.topics.get(topic);
      if (entry) entry.stale = true;
    }
  }

  /**
   * Applies a NOT_LEADER hint: points the partition at `leaderId` when we know that broker, else marks the topic
   * stale. Returns whether the hint was usable.
   */
  applyLeaderHint(topic: string, partition: number, leaderId: number): boolean {
    const info = this.topics.get(topic)?.info;
    const p = info?.partitions[partition];
    if (!p || leaderId < 0 || !this.brokers.has(leaderId) || p.leaderId === leaderId) {
      this.markStale(topic);
      return false;
    }
    p.leaderId = leaderId;
    return true;
  }

  /**
   * The partition's leader id from the cache; -1 if none is known or the topic's metadata is stale, so that
   * callers refresh before sending again to a broker that may have lost the partition (or died).
   */
  leaderOf(topic: string, partition: number): number {
    const entry = this.topics.get(topic);
    if (!entry || entry.stale) return -1;
    return entry.info?.partitions[partition]?.leaderId ?? -1;
  }

  hasBroker(brokerId: number): boolean {
    return this.brokers.has(brokerId);
  }

  brokerIds(): number[] {
    return [...this.brokers.keys()];
  }

  brokerAddress(brokerId: number): string | undefined {
    return this.brokers.get(brokerId)?.address;
  }

  /** The connection to a broker by id. Throws a stale-metadata error if the id is not in the metadata. */
  connectionTo(brokerId: number): Connection {
    const broker = this.brokers.get(brokerId);
    if (!broker) throw createErrorFromCode(ErrorCode.LEADER_NOT_AVAILABLE, `broker ${brokerId} is not in the metadata`);
    return this.connectionFor(broker);
  }

  /** Sends to the controller when known, else to any broker. */
  requestController<K extends RequestKind>(kind: K, body: RequestBody<K>, options?: RequestOptions): Promise<ResponseBody<K>> {
    if (this.controllerId >= 0 && this.brokers.has(this.controllerId)) return this.connectionTo(this.controllerId).request(kind, body, options);
    return this.requestAny(kind, body, options);
  }

  /** Sends to any reachable broker: connected ones first, then the bootstrap list in turn. */
  async requestAny<K extends RequestKind>(kind: K, body: RequestBody<K>, options?: RequestOptions): Promise<ResponseBody<K>> {
    let lastError: unknown;
    for (const connection of this.candidates()) {
      if (this.closed) break;
      try {
        return await connection.request(kind, body, options);
      } catch (error) {
        if (!(error instanceof RafterConnectionError)) throw error;
        lastError = error;
      }
    }
    if (this.closed) throw new RafterClosedError('client');
    throw lastError ?? new RafterConnectionError('no broker reachable', this.bootstrap.map((b) => b.address).join(','));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
    this.events.clear();
  }

  private async refreshLoop(): Promise<void> {
    do {
      this.refreshAgain = false;
      this.applyMetadata(await this.fetchMetadata([...this.topics.keys()]));
    } while (this.refreshAgain && !this.closed);
  }

  /**
   * Metadata for `names`, METADATA_TOPICS_PER_REQUEST at a time, asking again for the ones a bounded (truncated)
   * answer left out. No names asks for every topic: one answer, as many as fit, still names brokers and controller.
   */
  private async fetchMetadata(names: readonly string[]): Promise<ResponseBody<'metadataRequest'>> {
    if (names.length === 0) return this.requestAny('metadataRequest', { topics: [] });
    const topics: ResponseBody<'metadataRequest'>['topics'] = [];
    let last: ResponseBody<'metadataRequest'> | undefined;
    for (let from = 0; from < names.length; from += METADATA_TOPICS_PER_REQUEST) {
      let wanted = names.slice(from, from + METADATA_TOPICS_PER_REQUEST);
      while (wanted.length > 0) {
        last = await this.requestAny('metadataRequest', { topics: wanted });
        topics.push(...last.topics);
        if (!last.truncated || last.topics.length === 0) break;
        const answered = new Set(last.topics.map((t) => t.name));
        wanted = wanted.filter((n) => !answered.has(n));
      }
    }
    return { ...last!, topics };
  }

  private applyMetadata(response: ResponseBody<'metadataRequest'>): void {
    const now = this.options.clock.nowMs();
    this.brokers.clear();
    for (const b of response.brokers) {
      this.brokers.set(b.id, { address: `${b.host}:${b.port}`, url: brokerUrl(b.host, b.port, this.template) });
    }
    this.controllerId = response.controllerId;
    this.clusterId = response.clusterId;
    const seen: string[] = [];
    for (const t of response.topics) {
      seen.push(t.name);
      const ok = t.error === ErrorCode.NONE;
      this.topics.set(t.name, { info: ok ? toTopicInfo(t) : undefined, error: t.error, fetchedAtMs: now, stale: false });
    }
    // A topic we asked about that the answer leaves out is as unknown as one reported UNKNOWN_TOPIC.
    for (const [name, entry] of this.topics) {
      if (entry.stale && !seen.includes(name)) this.topics.set(name, { info: undefined, error: ErrorCode.UNKNOWN_TOPIC, fetchedAtMs: now, stale: false });
    }
    this.events.emit('metadata', { topics: seen, brokers: this.brokers.size });
  }

  /** Connected brokers, then the bootstrap list in turn, suspect ones (see Connection.suspect) after the others. */
  private *candidates(): Iterable<Connection> {
    const connected = [...this.connections.values()].filter((c) => c.isConnected);
    yield* connected;
    const others: Connection[] = [];
    for (let i = 0; i < this.bootstrap.length; i++) {
      const connection = this.connectionFor(this.bootstrap[(this.nextBootstrap + i) % this.bootstrap.length]);
      if (!connected.includes(connection)) others.push(connection);
    }
    this.nextBootstrap = (this.nextBootstrap + 1) % this.bootstrap.length;
    yield* others.filter((c) => !c.suspect);
    yield* others.filter((c) => c.suspect);
  }

  private connectionFor(broker: BrokerAddress): Connection {
    if (this.closed) throw new RafterClosedError('client');
    let connection = this.connections.get(broker.address);
    if (!connection) {
      // failFast: a broker that is down must not hold a request through the whole dial loop; the caller refreshes
      // metadata and retries where the partition is led now.
      connection = new Connection({ ...this.options.connection, address: broker.address, url: broker.url, failFast: true });
      connection.events.on('connect', (e) => this.events.emit('connect', e));
      connection.events.on('disconnect', (e) => {
        // Leadership may have moved while we were cut off from this broker.
        this.markStale();
        this.events.emit('disconnect', e);
      });
      this.connections.set(broker.address, connection);
    }
    return connection;
  }
}
