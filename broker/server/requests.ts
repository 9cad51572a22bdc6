// Decoded requests into the strict shapes the handlers use. The generated types leave every field optional (proto3
// has no required fields); this is the one place that fills defaults and refuses contradictions, so that handlers
// trust what they get. Each parser returns the request or a reason for INVALID_REQUEST.
import { rafter } from '../../client/protocol';
import { producerIdOf } from './init-producer';

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface ProduceInput {
  acks: rafter.Acks;
  timeoutMs: number;
  partitions: Array<PartitionRef & { batch: Uint8Array }>;
  /** The producer id the request's producer_token stands for (producerIdOf); 0 without a token. */
  tokenProducerId: number;
}

export interface FetchInput {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  /** offset may be any number a uint64 decodes to, including unsafe ones: the partition refuses those. */
  partitions: Array<PartitionRef & { offset: number; maxBytes: number }>;
}

export interface ListOffsetsInput {
  partitions: Array<PartitionRef & { timestampMs: number }>;
}

export type Invalid = { invalid: string };

function partitionRef(p: { topic?: string | null; partition?: number | null }): PartitionRef {
  return { topic: p.topic ?? '', partition: p.partition ?? 0 };
}

/**
 * A partition named twice in one fetch or produce request: refused, as a fetch would read (and answer) the same
 * data twice, and two batches of one produce request would race for the partition's order.
 */
function duplicateOf(partitions: readonly PartitionRef[]): string | undefined {
  const seen = new Set<string>();
  for (const { topic, partition } of partitions) {
    const key = `${partition}\u0000${topic}`;
    if (seen.has(key)) return `partition ${topic}/${partition} is named more than once`;
    seen.add(key);
  }
  return undefined;
}

export function parseProduce(r: rafter.ProduceRequest.$Properties): ProduceInput | Invalid {
  const acks = r.acks ?? rafter.Acks.ACKS_ALL;
  if (rafter.Acks[acks] === undefined) return { invalid: `acks ${acks} is not one of ACKS_ALL, ACKS_LEADER, ACKS_NONE` };
  const partitions = (r.partitions ?? []).map((p) => ({ ...partitionRef(p), batch: p.batch ?? new Uint8Array(0) }));
  if (partitions.length === 0) return { invalid: 'a produce request names at least one partition' };
  const duplicate = duplicateOf(partitions);
  if (duplicate) return { invalid: duplicate };
  return { acks, timeoutMs: r.timeoutMs ?? 0, partitions, tokenProducerId: producerIdOf(r.producerToken ?? undefined) };
}

export function parseFetch(r: rafter.FetchRequest.$Properties): FetchInput | Invalid {
  const partitions = (r.partitions ?? []).map((p) => ({ ...partitionRef(p), offset: p.offset ?? 0, maxBytes: p.maxBytes ?? 0 }));
  if (partitions.length === 0) return { invalid: 'a fetch request names at least one partition' };
  const duplicate = duplicateOf(partitions);
  if (duplicate) return { invalid: duplicate };
  return { maxWaitMs: r.maxWaitMs ?? 0, minBytes: r.minBytes ?? 0, maxBytes: r.maxBytes ?? 0, partitions };
}

export function parseListOffsets(r: rafter.ListOffsetsRequest.$Properties): ListOffsetsInput | Invalid {
  const partitions = (r.partitions ?? []).map((p) => ({ ...partitionRef(p), timestampMs: p.timestampMs ?? 0 }));
  // A partition may be named twice here: each entry asks about its own timestamp.
  if (partitions.length === 0) return { invalid: 'a list-offsets request names at least one partition' };
  return { partitions };
}

export function isInvalid(value: object): value is Invalid {
  return 'invalid' in value;
}
