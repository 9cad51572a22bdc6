// Per-partition metrics in the broker's registry. Gauges are read from the partitions at scrape time (no work on
// the hot path); the append counters are children resolved once per partition, so counting costs no label lookup.
//
// Labels: topic and partition by default. With `labels: 'topic'` (clusters with many partitions) every series is
// the sum over the topic's partitions hosted here, so the series count follows topics, not partitions; the names
// stay the same, and sum() over either form gives the same totals.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { PartitionMetricLabels } from '../metrics';
import type { Partition } from './partition';

export interface PartitionCounters {
  readonly recordsAppended: { inc(n: number): void };
  readonly bytesAppended: { inc(n: number): void };
}

/** What the replication layer knows of a partition's replicas, read at scrape time. */
export interface PartitionReplication {
  /** Replicas the placement gives the partition. */
  readonly replicas: number;
  /** On the leader only: replicas in sync with it, the leader included. */
  readonly inSyncReplicas?: number;
}

export interface PartitionMetricsOptions {
  /** Default 'partition'. */
  readonly labels?: PartitionMetricLabels;
  /** Default: a single replica that is always in sync (the single-broker mode). */
  readonly replication?: (p: Partition) => PartitionReplication;
}

const SINGLE_REPLICA: PartitionReplication = { replicas: 1, inSyncReplicas: 1 };

export class PartitionMetrics {
  private readonly recordsAppendedTotal: Counter<'topic' | 'partition'>;
  private readonly bytesAppendedTotal: Counter<'topic' | 'partition'>;
  private readonly perTopic: boolean;

  constructor(registry: Registry, partitions: () => Iterable<Partition>, options: PartitionMetricsOptions = {}) {
    const registers = [registry];
    this.perTopic = options.labels === 'topic';
    const perTopic = this.perTopic;
    const labelNames = perTopic ? ['topic'] as const : ['topic', 'partition'] as const;
    const replication = options.replication ?? (() => SINGLE_REPLICA);
    // undefined: the partition adds no sample (a follower has no in-sync count).
    const gauge = (name: string, help: string, read: (p: Partition) => number | undefined) => new Gauge({
      name, help, labelNames, registers,
      collect() {
        this.reset();
        for (const p of partitions()) {
          const value = read(p);
          if (value === undefined) continue;
          if (perTopic) this.inc({ topic: p.topic }, value);
          else this.set({ topic: p.topic, partition: String(p.partition) }, value);
        }
      },
    });
    gauge('rafter_partition_log_start_offset', 'First offset still in the partition log', (p) => p.logStartOffset);
    gauge('rafter_partition_log_end_offset', 'Offset the next appended record will get', (p) => p.logEndOffset);
    gauge('rafter_partition_high_watermark', 'Offset up to which records are committed and readable', (p) => p.highWatermark);
    gauge('rafter_partition_size_bytes', 'Bytes of entries stored for the partition', (p) => p.sizeBytes());
    gauge('rafter_partition_leader', '1 where this broker leads the partition, else 0', (p) => (p.isLeader ? 1 : 0));
    gauge('rafter_partition_replicas', 'Replicas the placement gives the partition (exported by every replica)', (p) => replication(p).replicas);
    gauge('rafter_partition_in_sync_replicas', 'Replicas in sync with the leader, itself included (exported by the leader)',
      (p) => (p.isLeader ? replication(p).inSyncReplicas : undefined));
    gauge('rafter_partition_under_replicated', '1 where this broker leads the partition and a replica is out of sync (exported by the leader)',
      (p) => {
        if (!p.isLeader) return undefined;
        const r = replication(p);
        return r.inSyncReplicas !== undefined && r.inSyncReplicas < r.replicas ? 1 : 0;
      });
    this.recordsAppendedTotal = new Counter({
      name: 'rafter_partition_appended_records_total', help: 'Records committed to the partition', labelNames, registers,
    });
    this.bytesAppendedTotal = new Counter({
      name: 'rafter_partition_appended_bytes_total', help: 'Record batch bytes committed to the partition', labelNames, registers,
    });
  }

  countersFor(topic: string, partition: number): PartitionCounters {
    const labels = this.perTopic ? { topic } : { topic, partition: String(partition) };
    return { recordsAppended: this.recordsAppendedTotal.labels(labels), bytesAppended: this.bytesAppendedTotal.labels(labels) };
  }
}
