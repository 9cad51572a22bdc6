// What a hostile or broken client can send to the client port of a real broker process, and what it must not be
// able to do with it: write under another producer's id, store a batch whose header lies about its records. After each probe, everything acknowledged
// to a well-behaved client is read back intact and the broker's memory stays bounded.
import { Rafter } from '../../client';
import { encodeRecordBatch, ErrorCode, readBatchHeader, type ProducerStamp } from '../../client/protocol';
import { ClusterProcesses, makeTempDataDir, startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';
import { residentBytes } from '../../tools/bench/process-stats';
import { lyingBatches } from './helpers/lying-batches';
import { RawClient } from './helpers/raw-client';
import { initProducerId, produceBatch, readPartition, type RawProducerIdentity } from './helpers/raw-log';
import { take } from './helpers/take';

const text = (s: string) => new Uint8Array(Buffer.from(s));
const MiB = 1024 * 1024;
/** A broker at rest sits near 80 MB; every probe here must leave it well below this. */
const RSS_BOUND_BYTES = 400 * MiB;
const stamped = (who: Pick<RawProducerIdentity, 'producerId' | 'producerEpoch'>, baseSequence: number, value: string) =>
  encodeRecordBatch([{ value: text(value) }], { producerId: who.producerId, producerEpoch: who.producerEpoch, baseSequence } satisfies ProducerStamp);

/** The producer id the first batch of a partition carries: what any consumer of the topic can see. */
async function producerIdSeenIn(client: RawClient, topic: string, partition = 0): Promise<number> {
  const response = await client.request({ fetchRequest: { maxWaitMs: 0, maxBytes: MiB, partitions: [{ topic, partition, offset: 0 }] } });
  const header = readBatchHeader(response.fetchResponse!.partitions![0].batches![0]);
  if (typeof header === 'string') throw new Error(header);
  return header.producerId;
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

  describe("another producer's id", () => {
    it('cannot be written under, with or without a token, at its next sequence or a higher epoch; also after a restart', async () => {
      const dataDir = makeTempDataDir();
      const own = await startBrokerProcess({ dataDir });
      let victimClient = await RawClient.connect(own.url);
      let attacker = await RawClient.connect(own.url);
      let restarted: BrokerProcess | undefined;
      try {
        const topic = 'owned';
        await victimClient.request({ createTopicRequest: { name: topic, partitions: 1 } });
        const victim = await initProducerId(victimClient);
        const write = (as: RawClient, batch: Uint8Array, producerToken?: Uint8Array) => produceBatch(as, topic, batch, { producerToken });
        expect(await write(victimClient, stamped(victim, 0, 'v0'), victim.producerToken)).toMatchObject({ baseOffset: 0 });

        // The attacker reads the victim's id off the topic and has an identity of its own.
        const seen = await producerIdSeenIn(attacker, topic);
        expect(seen).toBe(victim.producerId);
        const mine = await initProducerId(attacker);
        const forgeries: Array<[string, Uint8Array, Uint8Array | undefined, ErrorCode]> = [
          ['the next sequence, no token', stamped(victim, 1, 'forged'), undefined, ErrorCode.UNKNOWN_PRODUCER_ID],
          ['the next sequence, its own token', stamped(victim, 1, 'forged'), mine.producerToken, ErrorCode.UNKNOWN_PRODUCER_ID],
          ['a higher epoch, its own token', stamped({ producerId: seen, producerEpoch: 2 ** 31 }, 0, 'fence'), mine.producerToken, ErrorCode.UNKNOWN_PRODUCER_ID],
          ['its own id at an epoch never issued', stamped({ ...mine, producerEpoch: 5 }, 0, 'epoch'), mine.producerToken, ErrorCode.INVALID_PRODUCER_EPOCH],
        ];
        const tryAll = async () => {
          for (const [what, batch, token, code] of forgeries) {
            const refused = await write(attacker, batch, token);
            expect([what, refused.error]).toEqual([what, code]);
            expect(refused.baseOffset ?? 0).toBe(0);
          }
        };
        await tryAll();

        // The victim's own next batch is written, not answered as a duplicate of a forgery.
        expect(await write(victimClient, stamped(victim, 1, 'v1'), victim.producerToken)).toMatchObject({ baseOffset: 1 });
        expect(await readPartition(victimClient, topic)).toEqual([[0, 'v0'], [1, 'v1']]);

        // Nothing about ids is remembered, so nothing is forgotten by a crash.
        victimClient.close();
        attacker.close();
        await own.kill();
        restarted = await startBrokerProcess({ dataDir });
        victimClient = await RawClient.connect(restarted.url);
        attacker = await RawClient.connect(restarted.url);
        await tryAll();
        expect(await write(victimClient, stamped(victim, 2, 'v2'), victim.producerToken)).toMatchObject({ baseOffset: 2 });
        expect(await readPartition(attacker, topic)).toEqual([[0, 'v0'], [1, 'v1'], [2, 'v2']]);
        expect(residentBytes(restarted.pid)).toBeLessThan(RSS_BOUND_BYTES);
      } finally {
        victimClient.close();
        attacker.close();
        await restarted?.stop();
      }
    });
  });

  describe('record batches whose header lies about their records', () => {
    it.each(lyingBatches().map((l) => [l.name, l.batch, l.field] as const))('refuses %s with CORRUPT_BATCH naming the field', async (name, lie, field) => {
      const topic = `lie-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;
      const created = await client.request({ createTopicRequest: { name: topic, partitions: 1 } });
      expect(created.createTopicResponse!.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
      const before = await produceBatch(client, topic, encodeRecordBatch([{ value: text('before-1') }, { value: text('before-2') }]));
      expect(before.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);

      const refused = await produceBatch(client, topic, lie);
      expect(refused).toMatchObject({ error: ErrorCode.CORRUPT_BATCH, errorMessage: expect.stringMatching(field) });

      const after = await produceBatch(client, topic, encodeRecordBatch([{ value: text('after') }]));
      expect(after).toMatchObject({ baseOffset: 2 });
      expect(await readPartition(client, topic)).toEqual([[0, 'before-1'], [1, 'before-2'], [2, 'after']]);
    });
  });
});

describe("another producer's id, in a cluster, across the leader's death", () => {
  afterAll(() => stopAllBrokerProcesses());

  it("is refused by every broker before and after failover; the victim's records are all there once, in order", async () => {
    const cluster = await ClusterProcesses.start({ brokers: 3, args: ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'] });
    const client = new Rafter({ brokers: cluster.bootstrap });
    const raws: RawClient[] = [];
    try {
      const topic = 'owned-rf3';
      await client.admin().createTopic({ topic, partitions: 1, replicationFactor: 3 });
      const producer = client.producer({ lingerMs: 0 });
      let sent = 0;
      const sendSome = async (n: number) => {
        for (const end = sent + n; sent < end; sent++) await producer.send({ topic, messages: [{ value: `v${sent}`, partition: 0 }] });
      };
      const forgeOn = async (brokers: number[]) => {
        const leader = (await client.admin().describeTopic(topic)).partitions[0].leaderId;
        const reader = await RawClient.connect(cluster.broker(leader)!.url);
        raws.push(reader);
        const victimId = await producerIdSeenIn(reader, topic);
        const mine = await initProducerId(reader);
        for (const id of brokers) {
          const attacker = await RawClient.connect(cluster.broker(id)!.url);
          raws.push(attacker);
          // The victim's next sequence (one record per batch), and a fencing epoch.
          for (const batch of [stamped({ producerId: victimId, producerEpoch: 0 }, sent, 'forged'), stamped({ producerId: victimId, producerEpoch: 9 }, 0, 'fence')]) {
            for (const producerToken of [undefined, mine.producerToken]) {
              expect((await produceBatch(attacker, topic, batch, { producerToken })).error).toBe(ErrorCode.UNKNOWN_PRODUCER_ID);
            }
          }
        }
        return leader;
      };

      await sendSome(20);
      const leader = await forgeOn(cluster.brokerIds);
      await cluster.kill(leader);
      const survivors = cluster.brokerIds.filter((id) => id !== leader);
      await sendSome(20);
      const newLeader = await forgeOn(survivors);
      expect(newLeader).not.toBe(leader);
      await sendSome(20);

      const consumer = client.consumer({ start: 'earliest' });
      await consumer.assign([{ topic, partition: 0 }]);
      const records = await take(consumer, sent, 30_000);
      await consumer.close();
      expect(records.map((r) => [r.offset, r.valueString()])).toEqual(Array.from({ length: sent }, (_, i) => [i, `v${i}`]));
      for (const id of survivors) expect(residentBytes(cluster.broker(id)!.pid)).toBeLessThan(RSS_BOUND_BYTES);
    } finally {
      for (const raw of raws) raw.close();
      await client.close();
    }
  }, 120_000);
});
