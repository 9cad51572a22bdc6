// Hostile frames for the client endpoint, drawn from one seeded Prng: requests with random and extreme field values,
// batches that lie or carry ids that are not theirs, frames naming a partition many times, encoded frames with bits
// flipped, cut short or with bytes inserted, and bytes that are no frame at all. The same seed draws the same frames.
import { encodeFrame, encodeRecordBatch, rafter, type Frame } from '../../../client/protocol';
import type { Prng } from '../../sim/prng';
import { mutateBytes, seededBytes } from './fuzz-bytes';
import { lyingBatches } from './lying-batches';
import { FETCH_PARTITIONS_FIELD, FETCH_REQUEST_FIELD, repeatedEntriesFrame } from './raw-frames';

export type FuzzKind =
  | 'metadata' | 'create_topic' | 'produce' | 'lying_batch' | 'foreign_producer' | 'fetch' | 'list_offsets' | 'init_producer'
  | 'huge_count' | 'duplicates' | 'mutated' | 'random_bytes' | 'text' | 'oversized';

export interface FuzzFrame {
  kind: FuzzKind;
  bytes: Uint8Array | string;
}

export interface FuzzTarget {
  /** Topics that exist, for requests to hit real partitions as well as missing ones. */
  topics: readonly string[];
  partitions: number;
  maxFrameBytes: number;
}

/** Identities the fuzzer got from InitProducerId: batches under them exercise the producer-state checks. */
export type FuzzIdentity = { producerId: number; producerToken: Uint8Array };

const KINDS: readonly FuzzKind[] = [
  'metadata', 'create_topic', 'produce', 'lying_batch', 'foreign_producer', 'fetch', 'list_offsets', 'init_producer',
  'huge_count', 'duplicates', 'mutated', 'mutated', 'mutated', 'random_bytes', 'text', 'oversized',
];

export class ClientFuzzer {
  private correlationId = 1;

  constructor(private readonly rng: Prng, private readonly target: FuzzTarget, private readonly identities: FuzzIdentity[]) {}

  next(): FuzzFrame {
    const kind = this.rng.pick(KINDS);
    switch (kind) {
      case 'huge_count': {
        const entry = rafter.FetchPartition.encode(this.fetchPartition()).finish();
        // Mostly within a frame's size (so the count is what refuses it), now and then far beyond it.
        const count = this.rng.chance(0.8) ? this.rng.range(10_001, 12_000) : this.rng.range(12_000, 120_000);
        return { kind, bytes: repeatedEntriesFrame(this.correlationId++, FETCH_REQUEST_FIELD, FETCH_PARTITIONS_FIELD, entry, count) };
      }
      case 'mutated':
        return { kind, bytes: this.mutate(encodeFrame(this.request(this.rng.pick(['metadata', 'produce', 'fetch', 'list_offsets', 'create_topic'])))) };
      case 'random_bytes':
        return { kind, bytes: this.bytes(this.rng.range(0, 300)) };
      case 'text':
        return { kind, bytes: 'not a frame' };
      case 'oversized': {
        const bytes = this.bytes(this.target.maxFrameBytes + this.rng.range(1, 4096));
        bytes.set([0x08, 0x01]);
        return { kind, bytes };
      }
      default:
        return { kind, bytes: encodeFrame(this.request(kind)) };
    }
  }

  private request(kind: FuzzKind): Frame {
    const correlationId = this.correlationId++;
    const r = this.rng;
    switch (kind) {
      case 'metadata':
        return { correlationId, metadataRequest: { topics: Array.from({ length: r.chance(0.1) ? r.range(900, 1100) : r.range(0, 5) }, () => this.topic()) } };
      case 'create_topic': {
        const partitions = r.chance(0.1) ? r.range(1000, 70_000) : r.range(0, 4);
        const range = r.chance(0.5);
        const splitKeys = range ? Array.from({ length: Math.min(partitions, 40) }, () => this.bytes(r.chance(0.1) ? 2000 : r.range(0, 8))) : [];
        return {
          correlationId,
          createTopicRequest: {
            name: r.chance(0.2) ? String.fromCharCode(...this.bytes(r.range(0, 300))) : `fz-${r.int(12)}`,
            partitions, partitioning: range ? rafter.Partitioning.RANGE : rafter.Partitioning.HASH, splitKeys,
            replicationFactor: r.chance(0.1) ? r.range(2, 9) : 0,
            config: { retentionMs: r.chance(0.1) ? -1 : 0, maxMessageBytes: r.chance(0.1) ? 0xffffffff : 0 },
          },
        };
      }
      case 'produce':
      case 'lying_batch':
      case 'foreign_producer':
        return { correlationId, produceRequest: this.produce(kind) };
      case 'fetch':
        return {
          correlationId,
          fetchRequest: {
            maxWaitMs: r.range(0, 300), minBytes: r.chance(0.2) ? 0xffffffff : r.range(0, 10), maxBytes: r.chance(0.2) ? 0xffffffff : r.range(0, 100_000),
            partitions: Array.from({ length: r.range(1, 6) }, () => this.fetchPartition()),
          },
        };
      case 'duplicates': {
        const p = this.fetchPartition();
        return { correlationId, fetchRequest: { maxWaitMs: r.range(0, 50), partitions: Array.from({ length: r.range(2, 9000) }, () => p) } };
      }
      case 'list_offsets':
        return {
          correlationId,
          listOffsetsRequest: { partitions: Array.from({ length: r.range(0, 4) }, () => ({ ...this.partitionRef(), timestampMs: r.pick([-1, -2, -3, 0, 2 ** 53, r.int(2 ** 31)]) })) },
        };
      default:
        return { correlationId, initProducerIdRequest: {} };
    }
  }

  private produce(kind: FuzzKind): rafter.IProduceRequest {
    const r = this.rng;
    const identity = this.identities.length > 0 && r.chance(0.7) ? r.pick(this.identities) : undefined;
    const stamp = {
      producerId: kind === 'foreign_producer' || !identity ? r.pick([0, 1, 2 ** 53 - 1, r.int(2 ** 31)]) : identity.producerId,
      producerEpoch: r.chance(0.8) ? 0 : r.pick([1, 2 ** 31, 2 ** 32 - 1]),
      baseSequence: r.pick([-1, 0, 1, r.int(100), 2 ** 31 - 1]),
    };
    const batch = kind === 'lying_batch'
      ? r.pick(lyingBatches(stamp)).batch
      : encodeRecordBatch(Array.from({ length: r.range(1, 20) }, () => ({ key: r.chance(0.5) ? this.bytes(r.range(0, 20)) : null, value: this.bytes(r.range(0, 2000)) })), stamp);
    const token = kind === 'foreign_producer' && identity ? identity.producerToken : identity?.producerToken;
    return {
      acks: r.pick([rafter.Acks.ACKS_ALL, rafter.Acks.ACKS_LEADER, rafter.Acks.ACKS_NONE, 7 as rafter.Acks]),
      timeoutMs: r.range(0, 2000),
      partitions: Array.from({ length: r.range(1, 3) }, () => ({ ...this.partitionRef(), batch: Uint8Array.from(batch) })),
      producerToken: r.chance(0.1) ? this.bytes(r.range(0, 40)) : token,
    };
  }

  private fetchPartition(): rafter.IFetchPartition {
    const r = this.rng;
    return { ...this.partitionRef(), offset: r.pick([0, 1, r.int(1000), 2 ** 53, 2 ** 60]), maxBytes: r.pick([0, 1, r.int(1 << 20), 0xffffffff]) };
  }

  private partitionRef(): { topic: string; partition: number } {
    const r = this.rng;
    return { topic: this.topic(), partition: r.chance(0.8) ? r.int(this.target.partitions) : r.pick([this.target.partitions, 2 ** 32 - 1]) };
  }

  private topic(): string {
    return this.rng.chance(0.8) ? this.rng.pick(this.target.topics) : `fz-${this.rng.int(12)}`;
  }

  private bytes(n: number): Uint8Array {
    return seededBytes(this.rng, n);
  }

  private mutate(frame: Uint8Array): Uint8Array {
    return mutateBytes(this.rng, frame);
  }
}
