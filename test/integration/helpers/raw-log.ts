// A partition's log over the raw protocol: produce one batch, read back every record, ask for a producer identity.
import { decodeRecordBatch, ErrorCode, rafter } from '../../../client/protocol';
import type { RawClient } from './raw-client';

export interface RawProducerIdentity {
  producerId: number;
  producerEpoch: number;
  producerToken: Uint8Array;
}

/** One batch to `topic`/`partition` (acks=all unless `extra` says otherwise); resolves with its partition result. */
export async function produceBatch(client: RawClient, topic: string, batch: Uint8Array, extra: Partial<rafter.IProduceRequest> = {},
  partition = 0): Promise<rafter.IProducePartitionResult> {
  const response = await client.request({ produceRequest: { acks: rafter.Acks.ACKS_ALL, partitions: [{ topic, partition, batch }], ...extra } });
  return response.produceResponse!.partitions![0];
}

/** Every record of a partition as [offset, value], read with no wait from offset 0 up to the high watermark. */
export async function readPartition(client: RawClient, topic: string, partition = 0): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for (let offset = 0; ;) {
    const response = await client.request({ fetchRequest: { maxWaitMs: 0, maxBytes: 1 << 20, partitions: [{ topic, partition, offset }] } });
    const p = response.fetchResponse!.partitions![0];
    if (p.error) throw new Error(`fetch failed: ${ErrorCode[p.error]} ${p.errorMessage}`);
    const records = (p.batches ?? []).flatMap((b) => decodeRecordBatch(b).records).filter((r) => r.offset >= offset);
    if (records.length === 0) return out;
    for (const r of records) out.push([r.offset, Buffer.from(r.value!).toString()]);
    offset = records[records.length - 1].offset + 1;
  }
}

export async function initProducerId(client: RawClient): Promise<RawProducerIdentity> {
  const response = await client.request({ initProducerIdRequest: {} });
  const r = response.initProducerIdResponse!;
  if (r.error) throw new Error(`InitProducerId failed: ${ErrorCode[r.error]} ${r.errorMessage}`);
  return { producerId: Number(r.producerId), producerEpoch: r.producerEpoch ?? 0, producerToken: Uint8Array.from(r.producerToken!) };
}
