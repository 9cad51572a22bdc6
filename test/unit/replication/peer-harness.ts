// In-process brokers for the transport tests: each a real uWS app on 127.0.0.1 (port 0) with the peer endpoint
// attached, and a PeerTransport dialing the others.
import uWS from 'uWebSockets.js';
import type { Message } from '../../../broker/raft';
import {
  attachPeerEndpoint, PeerMetrics, PeerTransport, type DropReason, type GroupMessages, type Hello, type HelloStoreState,
  type PeerEndpoint, type PeerTransportOptions,
} from '../../../broker/replication';

export const CLUSTER = 'test-cluster';

export interface Received {
  fromBroker: number;
  groups: GroupMessages[];
}

export interface Dropped {
  toBroker: number;
  groupId: number;
  messages: readonly Message[];
  reason: DropReason;
}

export class TestBroker {
  readonly received: Received[] = [];
  readonly dropped: Dropped[] = [];
  readonly connectionChanges: Array<{ brokerId: number; connected: boolean; reason?: string }> = [];
  readonly metrics = new PeerMetrics();
  /** The Hellos of peers accepted here, on either side of a connection, in order. */
  readonly hellos: Hello[] = [];
  /** What this broker's Hellos say of its store (read as each connection opens). */
  storeState: HelloStoreState = { storeId: 'store-of-test-broker', controllerUnformed: false };
  readonly transport: PeerTransport;
  port = 0;
  private listenSocket: uWS.us_listen_socket | undefined;
  private endpoint: PeerEndpoint | undefined;

  constructor(readonly brokerId: number, transportOptions: Partial<PeerTransportOptions> = {}, readonly clusterId = CLUSTER) {
    this.transport = new PeerTransport({
      brokerId, clusterId, metrics: this.metrics,
      onDropped: (toBroker, groupId, messages, reason) => this.dropped.push({ toBroker, groupId, messages, reason }),
      onConnectionChange: (id, connected, reason) => this.connectionChanges.push({ brokerId: id, connected, reason }),
      storeState: () => this.storeState,
      onPeerHello: (hello) => this.hellos.push(hello),
      ...transportOptions,
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/peer`;
  }

  get connectedBrokers(): number[] {
    return this.endpoint?.connectedBrokers() ?? [];
  }

  /** Listens on `port` (0: a free one, kept for later restarts). */
  listen(port = this.port): Promise<void> {
    const app = uWS.App();
    this.endpoint = attachPeerEndpoint(app, '/peer', {
      brokerId: this.brokerId, clusterId: this.clusterId, metrics: this.metrics,
      onBatch: (fromBroker, groups) => this.received.push({ fromBroker, groups }),
      storeState: () => this.storeState,
      onPeerHello: (hello) => this.hellos.push(hello),
    });
    return new Promise((resolve, reject) => {
      app.listen('127.0.0.1', port, (token) => {
        if (!token) return reject(new Error(`cannot listen on 127.0.0.1:${port}`));
        this.listenSocket = token;
        this.port = uWS.us_socket_local_port(token as unknown as uWS.us_socket);
        resolve();
      });
    });
  }

  /** Stops accepting; connections already accepted are ended too unless `keepConnections`. */
  stopListening(keepConnections = false): void {
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = undefined;
    if (!keepConnections) this.endpoint?.closeAll();
  }

  close(): void {
    this.transport.close();
    this.stopListening();
  }

  /** All messages received for a group, in arrival order. */
  messagesOf(groupId: number): Message[] {
    return this.received.flatMap((r) => r.groups.filter((g) => g.groupId === groupId).flatMap((g) => g.messages));
  }

  async counter(metric: 'droppedMessages' | 'sentFrames' | 'receivedFrames' | 'reconnects', labels: Record<string, string>): Promise<number> {
    const { values } = await this.metrics[metric].get();
    const matches = (seen: Record<string, string | number | undefined>) => Object.entries(labels).every(([k, val]) => seen[k] === val);
    return values.filter((v) => matches(v.labels)).reduce((sum, v) => sum + v.value, 0);
  }
}

/** Polls (yielding to the event loop) until `condition` holds; throws with `what` after `limitMs`. */
export async function waitFor(what: string, condition: () => boolean, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
