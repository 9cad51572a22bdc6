// The broker's one prom-client Registry, served at GET /metrics. Every layer (storage, partitions, the front door)
// registers into it, so one scrape shows the whole broker; nothing uses prom-client's global registry, which lets
// several brokers share a process in tests.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const RAFTER_VERSION = (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

export interface BrokerMetrics {
  readonly registry: Registry;
  readonly connectionsOpen: Gauge<string>;
  readonly connectionsTotal: Counter<string>;
  /** Labels: type (request body name), error (ErrorCode name, NONE on success). */
  readonly requestsTotal: Counter<'type' | 'error'>;
  /** Labels: type. From the frame's arrival to its response being handed to the socket. */
  readonly requestDurationSeconds: Histogram<'type'>;
  readonly bytesInTotal: Counter<string>;
  readonly bytesOutTotal: Counter<string>;
  /** Labels: reason (FRAME_REJECT_REASONS). */
  readonly framesRejectedTotal: Counter<'reason'>;
  /** Labels: reason (CONNECTION_REJECT_REASONS). */
  readonly connectionsRejectedTotal: Counter<'reason'>;
  /** Connections closed because nothing was in flight or arriving for connectionMaxIdleMs. */
  readonly connectionsIdleClosedTotal: Counter<string>;
  /** Labels: kind (dropped_send: ws.send returned DROPPED; queue_overflow: a paused connection queued too much). */
  readonly backpressureDropsTotal: Counter<'kind'>;
  readonly connectionsPaused: Gauge<string>;
  /** Times a connection was paused because its send buffer passed pauseAboveBufferedBytes. */
  readonly backpressureStallsTotal: Counter<string>;
}

/**
 * How per-partition series are labelled: by topic and partition, or (clusters with many partitions) summed per
 * topic, so the number of series follows topics.
 */
export type PartitionMetricLabels = 'partition' | 'topic';

export const FRAME_REJECT_REASONS = ['malformed', 'too_large', 'text_frame', 'over_limit'] as const;
/** Why a client connection was refused at the upgrade, or closed by the broker for idleness. */
export const CONNECTION_REJECT_REASONS = ['max_connections', 'max_connections_per_ip', 'origin'] as const;
export const BACKPRESSURE_DROP_KINDS = ['dropped_send', 'queue_overflow'] as const;

/** 0.1 ms .. 10 s, roughly ×2.5 per step: produce with fsync sits at a few ms, long polls reach seconds. */
export const REQUEST_LATENCY_BUCKETS_SECONDS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export function createBrokerMetrics(brokerId: number): BrokerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ broker: String(brokerId) });
  collectDefaultMetrics({ register: registry, prefix: 'rafter_' });
  // Gauges named like counters (promtool rejects them); their per-type twins without _total stay.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
    registry.removeSingleMetric(`rafter_${name}`);
  }
  const registers = [registry];
  new Gauge({
    name: 'rafter_build_info', help: 'Always 1; the labels say which Rafter and Node run this broker',
    labelNames: ['version', 'node_version'], registers,
  }).set({ version: RAFTER_VERSION, node_version: process.version }, 1);
  const metrics: BrokerMetrics = {
    registry,
    connectionsOpen: new Gauge({ name: 'rafter_connections_open', help: 'Open client WebSocket connections', registers }),
    connectionsTotal: new Counter({ name: 'rafter_connections_total', help: 'Client WebSocket connections accepted', registers }),
    requestsTotal: new Counter({
      name: 'rafter_requests_total', help: 'Requests answered, by type and error code', labelNames: ['type', 'error'], registers,
    }),
    requestDurationSeconds: new Histogram({
      name: 'rafter_request_duration_seconds', help: 'Request latency from arrival to response, by type',
      labelNames: ['type'], buckets: REQUEST_LATENCY_BUCKETS_SECONDS, registers,
    }),
    bytesInTotal: new Counter({ name: 'rafter_received_bytes_total', help: 'Bytes of client frames received', registers }),
    bytesOutTotal: new Counter({ name: 'rafter_sent_bytes_total', help: 'Bytes of frames sent to clients', registers }),
    framesRejectedTotal: new Counter({
      name: 'rafter_frames_rejected_total', help: 'Client frames rejected before dispatch, by reason', labelNames: ['reason'], registers,
    }),
    connectionsRejectedTotal: new Counter({
      name: 'rafter_connections_rejected_total', help: 'Client WebSocket upgrades refused, by reason', labelNames: ['reason'], registers,
    }),
    connectionsIdleClosedTotal: new Counter({
      name: 'rafter_connections_idle_closed_total', help: 'Client connections closed for idleness (connectionMaxIdleMs)', registers,
    }),
    backpressureDropsTotal: new Counter({
      name: 'rafter_backpressure_drops_total', help: 'Connections closed because their send or request queue overflowed',
      labelNames: ['kind'], registers,
    }),
    connectionsPaused: new Gauge({
      name: 'rafter_connections_paused', help: 'Connections whose requests wait for their send buffer to drain', registers,
    }),
    backpressureStallsTotal: new Counter({
      name: 'rafter_backpressure_stalls_total', help: 'Times a connection was paused until its send buffer drained', registers,
    }),
  };
  // Every known label value from the start, at 0: rate() and alerts then see the series before the first event.
  for (const reason of FRAME_REJECT_REASONS) metrics.framesRejectedTotal.inc({ reason }, 0);
  for (const reason of CONNECTION_REJECT_REASONS) metrics.connectionsRejectedTotal.inc({ reason }, 0);
  for (const kind of BACKPRESSURE_DROP_KINDS) metrics.backpressureDropsTotal.inc({ kind }, 0);
  return metrics;
}
