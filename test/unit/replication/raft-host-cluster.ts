// In-process brokers for the RaftHost tests: each has its own BrokerStore in a temporary directory (durable: false:
// fsync is not what these tests are about), a real PeerTransport and a uWS peer endpoint on 127.0.0.1, and a
// RaftHost with a short tick. A broker can be stopped and started again on the same data directory and port.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import uWS from 'uWebSockets.js';
import {
  attachPeerEndpoint, PeerMetrics, PeerTransport, RaftHost, type GroupMessages, type PeerEndpoint, type RaftHostOptions,
} from '../../../broker/replication';
import { BrokerStore } from '../../../broker/storage';

export const CLUSTER = 'raft-host-test';

export class HostBroker {
  readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-'));
  port = 0;
  registry = new Registry();
  store!: BrokerStore;
  transport!: PeerTransport;
  host!: RaftHost;
  /** Every batch the peer endpoint handed to the host since start. */
  readonly received: Array<{ fromBroker: number; groups: GroupMessages[] }> = [];
  private listenSocket: uWS.us_listen_socket | undefined;
  private endpoint: PeerEndpoint | undefined;
  running = false;

  constructor(readonly brokerId: number, private readonly hostOptions: Partial<RaftHostOptions> = {}) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}/peer`;
  }

  async start(peers: readonly HostBroker[]): Promise<void> {
    this.registry = new Registry();
    this.store = BrokerStore.open({ dataDir: this.dataDir, durable: false, registry: this.registry });
    const metrics = new PeerMetrics(this.registry);
    this.transport = new PeerTransport({
      brokerId: this.brokerId, clusterId: CLUSTER, metrics, minBackoffMs: 10, maxBackoffMs: 100,
      onDropped: (to, groupId, messages, reason) => this.host.handleDropped(to, groupId, messages, reason),
    });
    this.host = new RaftHost({
      brokerId: this.brokerId, store: this.store, transport: this.transport, registry: this.registry,
      tickMs: 10, electionTicks: 10, ...this.hostOptions,
    });
    const app = uWS.App();
    this.endpoint = attachPeerEndpoint(app, '/peer', {
      brokerId: this.brokerId, clusterId: CLUSTER, metrics,
      onBatch: (fromBroker, groups) => {
        this.received.push({ fromBroker, groups });
        this.host.handlePeerBatch(fromBroker, groups);
      },
    });
    // Ports below the ephemeral range: a peer redialing a stopped broker's port from an ephemeral one can
    // connect to itself (TCP simultaneous open) and hold that port, so a restart could not listen on it again.
    const fixed = this.port !== 0;
    for (let attempt = 0; ; attempt++) {
      const port = fixed ? this.port : 20000 + Math.floor(Math.random() * 12000);
      const token = await new Promise<uWS.us_listen_socket | false>((resolve) => app.listen('127.0.0.1', port, resolve));
      if (token) {
        this.listenSocket = token;
        this.port = port;
        break;
      }
      if (attempt === 100) throw new Error(`cannot listen on 127.0.0.1:${port}`);
      await new Promise((resolve) => setTimeout(resolve, fixed ? 20 : 0));
    }
    for (const p of peers) if (p !== this && p.port !== 0) this.transport.addPeer(p.brokerId, p.url);
    this.host.start();
    this.running = true;
  }

  /** Dials a peer that started after this broker. */
  addPeer(p: HostBroker): void {
    if (!this.transport.isConnected(p.brokerId)) {
      try {
        this.transport.addPeer(p.brokerId, p.url);
      } catch {
        // already added: the transport keeps redialing it
      }
    }
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.host.stop();
    this.transport.close();
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = undefined;
    this.endpoint?.closeAll();
    await this.store.close();
  }

  /** Empties the data directory of a stopped broker, as an operator replacing a damaged disk would. */
  wipe(): void {
    if (this.running) throw new Error(`broker ${this.brokerId} is running`);
    rmSync(this.dataDir, { recursive: true, force: true });
    mkdirSync(this.dataDir);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Sum of a metric's samples whose labels include `labels` (for a histogram, name the series: `x_sum`, `x_count`). */
  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const series = /_(sum|count)$/.exec(name);
    const base = series && !this.registry.getSingleMetric(name) ? name.slice(0, -series[0].length) : name;
    const m = this.registry.getSingleMetric(base);
    if (!m) throw new Error(`no metric ${name}`);
    const { values } = await m.get();
    return values
      .filter((v) => base === name || (v as { metricName?: string }).metricName === name)
      .filter((v) => Object.entries(labels).every(([k, val]) => String(v.labels[k]) === val))
      .reduce((sum, v) => sum + v.value, 0);
  }
}

/** Starts brokers 1..n with full mesh peering and waits until every link is up. */
export async function startCluster(n: number, hostOptions: Partial<RaftHostOptions> = {}): Promise<HostBroker[]> {
  const brokers = Array.from({ length: n }, (_, i) => new HostBroker(i + 1, hostOptions));
  for (const b of brokers) await b.start(brokers);
  for (const b of brokers) for (const p of brokers) if (p !== b) b.addPeer(p);
  await waitFor('full mesh', () => brokers.every((b) => brokers.every((p) => p === b || b.transport.isConnected(p.brokerId))));
  return brokers;
}

/** Polls (yielding to the event loop) until `condition` holds; throws with `what` after `limitMs`. */
export async function waitFor(what: string, condition: () => boolean, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
