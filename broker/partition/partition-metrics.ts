// Per-partition metrics in the broker's registry. Gauges are read from the partitions at scrape time (no work on
// the hot path); the append counters are per-partition children resolved once, so counting costs no label lookup.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Partition } from './partition';

export interface PartitionCounters {
  readonly recordsAppended: { inc(n: number): void };
  readonly bytesAppended: { inc(n: number): void };
}

export class PartitionMetrics {
  private readonly recordsAppendedTotal: Counter<'topic' | 'partition'>;
  private readonly bytesAppendedTotal: Counter<'topic' | 'partition'>;

  constructor(registry: Registry, partitions: () => Iterable<Partition>) {
    const registers = [registry];
    const labelNames = ['topic', 'partition'] as const;
    const gauge = (name: string, help: string, read: (p: Partition) => number) => new Gauge({
      name, help, labelNames, registers,
      collect() {
        this.reset();
        for (const p of partitions()) this.set({ topic: p.topic, partition: String(p.partition) }, read(p));
      },
    });
    gauge('rafter_partition_log_start_offset', 'First offset still in the partition log', (p) => p.logStartOffset);
    gauge('rafter_partition_log_end_offset', 'Offset the next appended record will get', (p) => p.logEndOffset);
    gauge('rafter_partition_high_watermark', 'Offset up to which records are committed and readable', (p) => p.highWatermark);
    gauge('rafter_partition_size_bytes', 'Bytes of entries stored for the partition', (p) => p.sizeBytes());
    this.recordsAppendedTotal = new Counter({
      name: 'rafter_partition_records_appended_total', help: 'Records committed to the partition', labelNames, registers,
    });
    this.bytesAppendedTotal = new Counter({
      name: 'rafter_partition_bytes_appended_total', help: 'Record batch bytes committed to the partition', labelNames, registers,
    });
  }

  countersFor(topic: string, partition: number): PartitionCounters {
    const labels = { topic, partition: String(partition) };
    return { recordsAppended: this.recordsAppendedTotal.labels(labels), bytesAppended: this.bytesAppendedTotal.labels(labels) };
  }
}
