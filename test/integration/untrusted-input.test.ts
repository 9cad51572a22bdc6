// What a hostile or broken client can send to the client port of a real broker process, and what it must not be
// able to do with it: write under another producer's id, store a batch whose header lies about its records. After each probe, everything acknowledged
// to a well-behaved client is read back intact and the broker's memory stays bounded.
import { Rafter } from '../../client';
import WebSocket from 'ws';
import { encodeFrame, encodeRecordBatch, ErrorCode, rafter, readBatchHeader, type ProducerStamp } from '../../client/protocol';
import { ClusterProcesses, makeTempDataDir, startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';
import { residentBytes } from '../../tools/bench/process-stats';
import { lyingBatches } from './helpers/lying-batches';
import { FETCH_PARTITIONS_FIELD, FETCH_REQUEST_FIELD, repeatedEntriesFrame } from './helpers/raw-frames';
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

  describe('amplification', () => {
    it('refuses fetch frames naming one partition 920,416 times without decoding them, and keeps its memory', async () => {
      await client.request({ createTopicRequest: { name: 'amp', partitions: 1 } });
      expect(await produceBatch(client, 'amp', encodeRecordBatch([{ value: text('kept') }]))).toMatchObject({ baseOffset: 0 });
      const flooder = await RawClient.connect(broker.url);
      try {
        const entry = rafter.FetchPartition.encode({ topic: 'amp', partition: 0, offset: 0 }).finish();
        const frames = [1, 2, 3, 4].map((correlationId) => repeatedEntriesFrame(correlationId, FETCH_REQUEST_FIELD, FETCH_PARTITIONS_FIELD, entry, 920_416));
        expect(frames[0].length).toBeGreaterThan(4.5 * MiB);
        const answers = frames.map((_, i) => flooder.expect(i + 1));
        for (const frame of frames) flooder.sendBytes(frame);
        for (const answer of await Promise.all(answers)) {
          expect(answer.errorResponse).toMatchObject({ error: ErrorCode.INVALID_REQUEST, errorMessage: 'the request names more than 10000 partitions' });
        }
        expect(residentBytes(broker.pid)).toBeLessThan(RSS_BOUND_BYTES);
        // Under the count, naming a partition twice is refused too.
        const twice = await flooder.request({ fetchRequest: { partitions: [{ topic: 'amp', partition: 0 }, { topic: 'amp', partition: 0 }] } });
        expect(twice.fetchResponse!.partitions![0]).toMatchObject({ error: ErrorCode.INVALID_REQUEST, errorMessage: expect.stringMatching(/named more than once/) });
        expect(await readPartition(client, 'amp')).toEqual([[0, 'kept']]);
      } finally {
        flooder.close();
      }
    });

    it("refuses split keys that would make every Metadata answer huge, and bounds the answers it gives", async () => {
      const bigKeys = Array.from({ length: 1023 }, (_, i) => new Uint8Array(8 * 1024).fill(65 + (i % 26)).map((b, j) => (j < 4 ? (i >> (8 * (3 - j))) & 0xff : b)));
      const huge = await client.request({ createTopicRequest: { name: 'huge-range', partitions: 1024, partitioning: rafter.Partitioning.RANGE, splitKeys: bigKeys } });
      expect(huge.createTopicResponse).toMatchObject({ error: ErrorCode.INVALID_TOPIC, errorMessage: 'split key 0 is 8192 bytes, at most 1024 allowed' });
      // As many range topics as allowed (64 KiB of split keys each): a 4-byte request is still answered in bounds.
      const keys = Array.from({ length: 64 }, (_, i) => new Uint8Array(1024).fill(i + 1));
      for (let t = 0; t < 70; t++) {
        const created = await client.request({ createTopicRequest: { name: `range-${String(t).padStart(2, '0')}`, partitions: 65, partitioning: rafter.Partitioning.RANGE, splitKeys: keys } });
        expect(created.createTopicResponse!.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
      }
      const tiny = encodeFrame({ correlationId: 77, metadataRequest: {} });
      expect(tiny.length).toBeLessThanOrEqual(4);
      const answer = client.expect(77);
      client.sendBytes(tiny);
      const first = await answer;
      expect(encodeFrame(first).length).toBeLessThanOrEqual(4 * MiB);
      expect(first.metadataResponse!.truncated).toBe(true);
      // Paging through every topic finds each once.
      const names: string[] = first.metadataResponse!.topics!.map((t) => t.name!);
      for (let page = first.metadataResponse!; page.truncated;) {
        page = (await client.request({ metadataRequest: { afterTopic: names[names.length - 1] } })).metadataResponse!;
        names.push(...page.topics!.map((t) => t.name!));
      }
      const ranges = names.filter((n) => n.startsWith('range-'));
      expect(ranges).toEqual(Array.from({ length: 70 }, (_, t) => `range-${String(t).padStart(2, '0')}`));
      expect(new Set(names).size).toBe(names.length);
      expect(residentBytes(broker.pid)).toBeLessThan(RSS_BOUND_BYTES);
    }, 120_000);
  });

  describe('HTTP endpoints', () => {
    it('answers HEAD like GET, without a body', async () => {
      for (const path of ['/health', '/metrics']) {
        const get = await fetch(`${broker.httpUrl}${path}`);
        const head = await fetch(`${broker.httpUrl}${path}`, { method: 'HEAD' });
        expect([path, head.status]).toEqual([path, 200]);
        expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
        expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
        expect(await head.text()).toBe('');
        await get.text();
      }
      const missing = await fetch(`${broker.httpUrl}/nope`, { method: 'HEAD' });
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('');
    });
  });
});

describe('client connections, against broker processes', () => {
  afterAll(() => stopAllBrokerProcesses());

  const open = (url: string, origin?: string) => new Promise<WebSocket | number>((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
  const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

  it('lets in clients without an Origin and pages on its own host; refuses other origins with 403 unless allowed', async () => {
    const broker = await startBrokerProcess({ args: ['--allowed-origins', 'https://app.example'] });
    const outcomes: Record<string, string | number> = {};
    for (const origin of [undefined, `http://127.0.0.1:${broker.port}`, 'https://127.0.0.1', 'https://app.example', 'http://evil.example', 'null']) {
      const ws = await open(broker.url, origin);
      outcomes[origin ?? 'none'] = typeof ws === 'number' ? ws : 'open';
      if (typeof ws !== 'number') ws.close();
    }
    expect(outcomes).toEqual({
      none: 'open', [`http://127.0.0.1:${broker.port}`]: 'open', 'https://127.0.0.1': 'open', 'https://app.example': 'open',
      'http://evil.example': 403, null: 403,
    });
    const metrics = await (await fetch(`${broker.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^rafter_connections_rejected_total\{reason="origin",broker="1"\} 2$/m);
  });

  it('refuses connections past the per-address limit (429) and admits again once one closes', async () => {
    const broker = await startBrokerProcess({ args: ['--max-connections-per-ip', '3'] });
    const sockets = await Promise.all([1, 2, 3].map(() => open(broker.url)));
    expect(sockets.every((s) => typeof s !== 'number')).toBe(true);
    expect(await open(broker.url)).toBe(429);
    const first = sockets[0] as WebSocket;
    const gone = closed(first);
    first.close();
    await gone;
    let again: WebSocket | number = 429;
    // The broker sees the close a moment after the client does.
    for (let i = 0; i < 50 && again === 429; i++) {
      again = await open(broker.url);
      if (again === 429) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(typeof again).not.toBe('number');
    for (const s of [...sockets.slice(1), again]) (s as WebSocket).close();
  });

  it('closes a connection idle for connectionMaxIdleMs, but not one waiting in a long poll', async () => {
    const broker = await startBrokerProcess({ args: ['--connection-max-idle-ms', '400'] });
    const idle = await RawClient.connect(broker.url);
    const polling = await RawClient.connect(broker.url);
    await polling.request({ createTopicRequest: { name: 'quiet', partitions: 1 } });
    const poll = polling.request({ fetchRequest: { maxWaitMs: 1_500, partitions: [{ topic: 'quiet', partition: 0, offset: 0 }] } });
    expect(await idle.closed).toMatchObject({ code: 1000, reason: 'idle for 400 ms' });
    expect((await poll).fetchResponse!.partitions![0].error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
    expect(await polling.closed).toMatchObject({ code: 1000 });
  });

  it('serves at most maxInFlightRequestsPerConnection requests of a connection at once, in order', async () => {
    const broker = await startBrokerProcess({ args: ['--max-in-flight-requests-per-connection', '2'] });
    const raw = await RawClient.connect(broker.url);
    try {
      await raw.request({ createTopicRequest: { name: 'waits', partitions: 1 } });
      const order: string[] = [];
      const poll = (name: string) => raw.request({ fetchRequest: { maxWaitMs: 1_000, partitions: [{ topic: 'waits', partition: 0, offset: 0 }] } })
        .then(() => order.push(name));
      const polls = [poll('poll-1'), poll('poll-2'), poll('poll-3')];
      const metadata = raw.request({ metadataRequest: { topics: ['waits'] } }).then(() => order.push('metadata'));
      await Promise.all([...polls, metadata]);
      // The metadata request waited for two places: after the first two polls, before the third (which waited too).
      expect(order.indexOf('metadata')).toBeGreaterThan(order.indexOf('poll-1'));
      expect(order.indexOf('metadata')).toBeGreaterThan(order.indexOf('poll-2'));
      expect(order.indexOf('metadata')).toBeLessThan(order.indexOf('poll-3'));
    } finally {
      raw.close();
    }
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
      // Placement needs all three registered with the controller.
      for (let alive = 0; alive < 3; await new Promise((resolve) => setTimeout(resolve, 100))) {
        const health = await (await fetch(`${cluster.broker(1)!.httpUrl}/health`)).json() as { brokersAlive?: number[] };
        alive = health.brokersAlive?.length ?? 0;
      }
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
