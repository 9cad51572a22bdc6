// What a hostile or broken client can send to the client port of a real broker process, and what it must not be
// able to do with it: store a batch whose header lies about its records. After each probe, everything acknowledged
// to a well-behaved client is read back intact and the broker's memory stays bounded.
import { decodeRecordBatch, encodeRecordBatch, ErrorCode, rafter } from '../../client/protocol';
import { startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';
import { residentBytes } from '../../tools/bench/process-stats';
import { lyingBatches } from './helpers/lying-batches';
import { RawClient } from './helpers/raw-client';

const text = (s: string) => new Uint8Array(Buffer.from(s));
const MiB = 1024 * 1024;
/** A broker at rest sits near 80 MB; every probe here must leave it well below this. */
const RSS_BOUND_BYTES = 400 * MiB;

async function produce(client: RawClient, topic: string, batch: Uint8Array, extra: Partial<rafter.IProduceRequest> = {}) {
  const response = await client.request({ produceRequest: { acks: rafter.Acks.ACKS_ALL, partitions: [{ topic, partition: 0, batch }], ...extra } });
  return response.produceResponse!.partitions![0];
}

/** Every record of partition 0 as [offset, value], read with maxWaitMs 0 from offset 0 to the high watermark. */
async function readAll(client: RawClient, topic: string): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for (let offset = 0; ;) {
    const response = await client.request({ fetchRequest: { maxWaitMs: 0, maxBytes: MiB, partitions: [{ topic, partition: 0, offset }] } });
    const p = response.fetchResponse!.partitions![0];
    if (p.error) throw new Error(`fetch failed: ${ErrorCode[p.error]} ${p.errorMessage}`);
    const records = (p.batches ?? []).flatMap((b) => decodeRecordBatch(b).records).filter((r) => r.offset >= offset);
    if (records.length === 0) return out;
    for (const r of records) out.push([r.offset, Buffer.from(r.value!).toString()]);
    offset = records[records.length - 1].offset + 1;
  }
}

describe('untrusted client input, against a broker process', () => {
  let broker: BrokerProcess;
  let client: RawClient;

  beforeAll(async () => {
    broker = await startBrokerProcess();
    client = await RawClient.connect(broker.url);
  });

  afterAll(async () => {
    client?.close();
    await stopAllBrokerProcesses();
  });

  afterEach(() => {
    expect(residentBytes(broker.pid)).toBeLessThan(RSS_BOUND_BYTES);
  });

  describe('record batches whose header lies about their records', () => {
    it.each(lyingBatches().map((l) => [l.name, l.batch, l.field] as const))('refuses %s with CORRUPT_BATCH naming the field', async (name, lie, field) => {
      const topic = `lie-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;
      const created = await client.request({ createTopicRequest: { name: topic, partitions: 1 } });
      expect(created.createTopicResponse!.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
      const before = await produce(client, topic, encodeRecordBatch([{ value: text('before-1') }, { value: text('before-2') }]));
      expect(before.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);

      const refused = await produce(client, topic, lie);
      expect(refused).toMatchObject({ error: ErrorCode.CORRUPT_BATCH, errorMessage: expect.stringMatching(field) });

      const after = await produce(client, topic, encodeRecordBatch([{ value: text('after') }]));
      expect(after).toMatchObject({ baseOffset: 2 });
      expect(await readAll(client, topic)).toEqual([[0, 'before-1'], [1, 'before-2'], [2, 'after']]);
    });
  });
});
