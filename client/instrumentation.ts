// Client metrics on the application's own prom-client registry, fed by the producer's and consumer's typed events
// (as kafkajs's instrumentation events, and an exporter on top). Nothing is registered unless the application asks:
//
//   const registry = new Registry();
//   instrumentProducer(producer, registry);
//   instrumentConsumer(consumer, registry);
//   // serve registry.metrics() at the application's /metrics
//
// Several producers or consumers instrumented on one registry share the series (a metric name is registered once
// and reused). Labels stay bounded: topic, broker id, and topic/partition only for the lag of assigned partitions.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Consumer } from './consumer/consumer';
import type { Producer } from './producer/producer';

/** 0.1 ms .. 10 s, as the broker's request latency. */
const LATENCY_BUCKETS_SECONDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** 64 B .. 16 MiB, ×4 per step. */
const BATCH_BYTES_BUCKETS = [64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216];

type MetricClass = typeof Counter | typeof Gauge | typeof Histogram;

/** The registry's metric of that name, or a new one: instrumenting twice on one registry shares the series. */
function metric<C extends MetricClass>(
  registry: Registry, Kind: C, config: { name: string; help: string; labelNames?: readonly string[]; buckets?: number[] },
): InstanceType<C> {
  const existing = registry.getSingleMetric(config.name);
  if (existing) {
    if (!(existing instanceof Kind)) throw new Error(`${config.name} is registered on this registry as another kind of metric`);
    return existing as InstanceType<C>;
  }
  return new (Kind as new (c: object) => InstanceType<C>)({ ...config, registers: [registry] });
}

/** Registers the producer's metrics on `registry`; returns a function that stops updating them. */
export function instrumentProducer(producer: Producer, registry: Registry): () => void {
  const requests = metric(registry, Counter, {
    name: 'rafter_client_produce_requests_total', help: 'Produce requests answered or failed, by broker and outcome (ok, error)',
    labelNames: ['broker', 'outcome'],
  });
  const requestSeconds = metric(registry, Histogram, {
    name: 'rafter_client_produce_request_duration_seconds', help: 'Produce request round trips, by broker',
    labelNames: ['broker'], buckets: LATENCY_BUCKETS_SECONDS,
  });
  const batches = metric(registry, Counter, {
    name: 'rafter_client_produced_batches_total', help: 'Record batches acknowledged, by topic', labelNames: ['topic'],
  });
  const records = metric(registry, Counter, {
    name: 'rafter_client_produced_records_total', help: 'Records acknowledged, by topic', labelNames: ['topic'],
  });
  const bytes = metric(registry, Counter, {
    name: 'rafter_client_produced_bytes_total', help: 'Record batch bytes acknowledged, by topic', labelNames: ['topic'],
  });
  const batchBytes = metric(registry, Histogram, {
    name: 'rafter_client_produce_batch_bytes', help: 'Size of acknowledged record batches', buckets: BATCH_BYTES_BUCKETS,
  });
  const batchSeconds = metric(registry, Histogram, {
    name: 'rafter_client_produce_batch_latency_seconds', help: 'From a batch\'s send until its acknowledgement (last attempt)',
    buckets: LATENCY_BUCKETS_SECONDS,
  });
  const retries = metric(registry, Counter, {
    name: 'rafter_client_produce_retries_total', help: 'Batch attempts that failed and are retried, by topic', labelNames: ['topic'],
  });
  const fatal = metric(registry, Counter, {
    name: 'rafter_client_producer_fatal_total', help: 'Producers stopped for good (fenced, broken sequence)',
  });
  const removers = [
    producer.events.on('request', (e) => {
      const broker = String(e.broker);
      requests.inc({ broker, outcome: e.error === undefined ? 'ok' : 'error' });
      requestSeconds.observe({ broker }, e.latencyMs / 1000);
    }),
    producer.events.on('batch', (e) => {
      batches.inc({ topic: e.topic });
      records.inc({ topic: e.topic }, e.recordCount);
      bytes.inc({ topic: e.topic }, e.bytes);
      batchBytes.observe(e.bytes);
      batchSeconds.observe(e.latencyMs / 1000);
      // The topic's retry series exists (at 0) from its first batch, so rates and alerts see it before a retry.
      retries.inc({ topic: e.topic }, 0);
    }),
    producer.events.on('retry', (e) => retries.inc({ topic: e.topic })),
    producer.events.on('fatal', () => fatal.inc()),
  ];
  return () => removers.forEach((remove) => remove());
}

/** Registers the consumer's metrics on `registry`; returns a function that stops updating them. */
export function instrumentConsumer(consumer: Consumer, registry: Registry): () => void {
  const fetchSeconds = metric(registry, Histogram, {
    name: 'rafter_client_fetch_duration_seconds', help: 'Fetch request round trips (long poll included), by broker',
    labelNames: ['broker'], buckets: LATENCY_BUCKETS_SECONDS,
  });
  const records = metric(registry, Counter, {
    name: 'rafter_client_fetched_records_total', help: 'Records fetched, by topic', labelNames: ['topic'],
  });
  const bytes = metric(registry, Counter, {
    name: 'rafter_client_fetched_bytes_total', help: 'Record batch bytes fetched, by topic', labelNames: ['topic'],
  });
  const lag = metric(registry, Gauge, {
    name: 'rafter_client_consumer_lag_records', help: 'Records between the consumer\'s next fetch and the high watermark, at the last fetch',
    labelNames: ['topic', 'partition'],
  });
  const retries = metric(registry, Counter, {
    name: 'rafter_client_fetch_retries_total', help: 'Fetch requests that failed and are retried, by broker', labelNames: ['broker'],
  });
  const resets = metric(registry, Counter, {
    name: 'rafter_client_offset_resets_total', help: 'Positions reset by the offset reset policy, by topic', labelNames: ['topic'],
  });
  const removers = [
    consumer.events.on('fetch', (e) => {
      fetchSeconds.observe({ broker: String(e.broker) }, e.latencyMs / 1000);
      retries.inc({ broker: String(e.broker) }, 0);
      for (const p of e.partitions) {
        if (p.records > 0) {
          records.inc({ topic: p.topic }, p.records);
          bytes.inc({ topic: p.topic }, p.bytes);
        }
        lag.set({ topic: p.topic, partition: String(p.partition) }, p.lag);
      }
    }),
    consumer.events.on('fetchRetry', (e) => retries.inc({ broker: String(e.broker) })),
    consumer.events.on('offsetReset', (e) => resets.inc({ topic: e.topic })),
  ];
  return () => removers.forEach((remove) => remove());
}
