// Choosing a record's partition. Keyed records: `hash` topics use Kafka's murmur2 (same key and partition count,
// same partition as Kafka), `range` topics a binary search over the topic's sorted split keys. Records without a
// key go to a sticky partition that changes only when a batch for it is sent, so they fill whole batches.
import { compareBytes } from '../bytes';
import { Rng } from '../clock';
import { TopicInfo } from '../cluster/metadata';
import { murmur2, toPositive } from './murmur2';

export function hashPartition(key: Uint8Array, partitionCount: number): number {
  return toPositive(murmur2(key)) % partitionCount;
}

/**
 * The partition whose range holds `key`: partition i holds [splitKeys[i-1], splitKeys[i]), so the answer is the
 * number of split keys <= key (an upper-bound binary search).
 */
export function rangePartition(key: Uint8Array, splitKeys: readonly Uint8Array[]): number {
  let low = 0;
  let high = splitKeys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareBytes(splitKeys[mid], key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One sticky partition per topic for records without a key. */
export class StickyPartitioner {
  private readonly current = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  partition(topic: TopicInfo): number {
    const current = this.current.get(topic.name);
    if (current !== undefined && current < topic.partitions.length) return current;
    return this.choose(topic, -1);
  }

  /** A batch for `partition` is being sent: if it was the sticky one, move on to another. */
  onBatchSent(topic: TopicInfo, partition: number): void {
    if (this.current.get(topic.name) === partition) this.choose(topic, partition);
  }

  /** A random partition other than `previous`, preferring ones with a known leader. */
  private choose(topic: TopicInfo, previous: number): number {
    const led = topic.partitions.filter((p) => p.leaderId >= 0 && p.partition !== previous).map((p) => p.partition);
    const pool = led.length > 0 ? led : topic.partitions.map((p) => p.partition).filter((p) => p !== previous);
    const next = pool.length === 0 ? Math.max(previous, 0) : pool[Math.floor(this.rng() * pool.length)];
    this.current.set(topic.name, next);
    return next;
  }
}

export interface PartitionerInput {
  topic: string;
  key: Uint8Array | null;
  partitionCount: number;
  partitioning: TopicInfo['partitioning'];
  splitKeys: readonly Uint8Array[];
}

/** A custom partitioner; returning undefined falls back to the default choice. */
export type Partitioner = (input: PartitionerInput) => number | undefined;

export function defaultPartition(topic: TopicInfo, key: Uint8Array | null, sticky: StickyPartitioner): number {
  if (key === null) return sticky.partition(topic);
  if (topic.partitioning === 'range') return rangePartition(key, topic.splitKeys);
  return hashPartition(key, topic.partitions.length);
}
