// The broker process as clients see it: raw protocol frames over WebSocket, HTTP /health and /metrics, and what
// survives a SIGKILL. Each bad input gets its own clear error while the broker keeps serving everyone else.
import { decodeRecordBatch, encodeRecordBatch, ErrorCode, rafter, RECORD_BATCH_LAYOUT, encodeFrame } from '../../client/protocol';
import { startBrokerProcess, stopAllBrokerProcesses, makeTempDataDir, type BrokerProcess } from '../../tools/broker-process';
import { RawClient } from './helpers/raw-client';

const text = (s: string) => new Uint8Array(Buffer.from(s));
const batchOf = (values: string[], timestampMs?: number) =>
  encodeRecordBatch(values.map((v, i) => ({ key: text(`k${i}`), value: text(v), timestampMs })));
const valuesOf = (batches: Uint8Array[]) =>
  batches.flatMap((b) => decodeRecordBatch(b).records.map((r) => [r.offset, Buffer.from(r.value!).toString()] as const));

async function produce(client: RawClient, topic: string, partition: number, batch: Uint8Array, acks = rafter.Acks.ACKS_ALL) {
  const response = await client.request({ produceRequest: { acks, partitions: [{ topic, partition, batch }] } });
  return response.produceResponse!.partitions![0];
}

async function fetchFrom(client: RawClient, topic: string, partition: number, offset: number, options: Partial<rafter.IFetchRequest> = {}) {
  const response = await client.request({ fetchRequest: { maxWaitMs: 0, maxBytes: 1 << 20, ...options, partitions: [{ topic, partition, offset }] } });
  return response.fetchResponse!.partitions![0];
}

describe('broker process, raw protocol', () => {
  let broker: BrokerProcess;
  let client: RawClient;
  let other: RawClient;

  beforeAll(async () => {
    broker = await startBrokerProcess();
    client = await RawClient.connect(broker.url);
    other = await RawClient.connect(broker.url);
    const created = await client.request({ createTopicRequest: { name: 'orders', partitions: 3 } });
    expect(created.createTopicResponse!.error ?? 0).toBe(ErrorCode.NONE);
  });

  afterAll(async () => {
    client?.close();
    other?.close();
    await stopAllBrokerProcesses();
  });

  /** The broker still answers on a connection that did nothing wrong. */
  async function stillServing(): Promise<void> {
    const metadata = await other.request({ metadataRequest: {} });
    expect(metadata.metadataResponse!.brokers![0]).toMatchObject({ id: 1, host: '127.0.0.1', port: broker.port });
  }

  it('answers /health and /metrics over HTTP', async () => {
    const health = await (await fetch(`${broker.httpUrl}/health`)).json() as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', brokerId: 1 });
    expect(typeof health.uptimeSeconds).toBe('number');
    const metrics = await (await fetch(`${broker.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^rafter_connections_open\{broker="1"\} 2$/m);
    expect(metrics).toContain('rafter_process_cpu_user_seconds_total');
    expect(metrics).toMatch(/rafter_requests_total\{type="createTopic",error="NONE",broker="1"\} 1/);
    expect((await fetch(`${broker.httpUrl}/nope`)).status).toBe(404);
  });

  it('reports itself as leader of every partition and validates topic creation', async () => {
    const metadata = await client.request({ metadataRequest: { topics: ['orders', 'missing'] } });
    const [orders, missing] = metadata.metadataResponse!.topics!;
    expect(orders.partitions!.map((p) => [p.partition, p.leaderId, p.replicas])).toEqual([[0, 1, [1]], [1, 1, [1]], [2, 1, [1]]]);
    expect(missing).toMatchObject({ name: 'missing', error: ErrorCode.UNKNOWN_TOPIC });

    const again = await client.request({ createTopicRequest: { name: 'orders', partitions: 1 } });
    expect(again.createTopicResponse!.error).toBe(ErrorCode.TOPIC_ALREADY_EXISTS);
    const replicated = await client.request({ createTopicRequest: { name: 'r3', partitions: 1, replicationFactor: 3 } });
    expect(replicated.createTopicResponse).toMatchObject({ error: ErrorCode.INVALID_TOPIC, errorMessage: expect.stringMatching(/replication factor/) });
    const badName = await client.request({ createTopicRequest: { name: 'no/slash', partitions: 1 } });
    expect(badName.createTopicResponse!.error).toBe(ErrorCode.INVALID_TOPIC);
    const range = await client.request({ createTopicRequest: {
      name: 'ranged', partitions: 3, partitioning: rafter.Partitioning.RANGE, splitKeys: [text('m'), text('g')] } });
    expect(range.createTopicResponse).toMatchObject({ error: ErrorCode.INVALID_TOPIC, errorMessage: expect.stringMatching(/increasing/) });
    const listed = await client.request({ listTopicsRequest: {} });
    expect(listed.listTopicsResponse!.topics!.map((t) => t.name)).toEqual(['orders']);
  });

  it('assigns offsets to produced batches and fetches them back as written', async () => {
    const first = await produce(client, 'orders', 0, batchOf(['a', 'b', 'c']));
    expect(first).toMatchObject({ topic: 'orders', partition: 0, baseOffset: 0, leaderId: 1 });
    expect(first.error ?? 0).toBe(ErrorCode.NONE);
    const second = await produce(client, 'orders', 0, batchOf(['d', 'e']), rafter.Acks.ACKS_LEADER);
    expect(second.baseOffset).toBe(3);

    const all = await fetchFrom(client, 'orders', 0, 0);
    expect(all).toMatchObject({ highWatermark: 5, logStartOffset: 0 });
    expect(valuesOf(all.batches!)).toEqual([[0, 'a'], [1, 'b'], [2, 'c'], [3, 'd'], [4, 'e']]);
    expect(decodeRecordBatch(all.batches![0]).header.appendTimeMs).toBe(first.appendTimeMs);

    // Batches are served whole: a fetch from inside one starts with that batch.
    expect(valuesOf((await fetchFrom(client, 'orders', 0, 4)).batches!)).toEqual([[3, 'd'], [4, 'e']]);
    expect((await fetchFrom(client, 'orders', 0, 5)).batches).toEqual([]);

    const described = await client.request({ describeTopicRequest: { name: 'orders' } });
    expect(described.describeTopicResponse!.partitions![0]).toMatchObject({ logStartOffset: 0, logEndOffset: 5, highWatermark: 5 });
    expect(described.describeTopicResponse!.partitions![0].sizeBytes).toBeGreaterThan(0);
  });

  it('lists offsets: latest, earliest, and by timestamp', async () => {
    await produce(client, 'orders', 1, batchOf(['old'], 1_000));
    await produce(client, 'orders', 1, batchOf(['new1', 'new2'], 2_000));
    const response = await client.request({ listOffsetsRequest: { partitions: [
      { topic: 'orders', partition: 1, timestampMs: -1 },
      { topic: 'orders', partition: 1, timestampMs: -2 },
      { topic: 'orders', partition: 1, timestampMs: 1_500 },
      { topic: 'orders', partition: 1, timestampMs: 9_999 },
      { topic: 'orders', partition: 1, timestampMs: -7 },
    ] } });
    const [latest, earliest, byTime, future, bad] = response.listOffsetsResponse!.partitions!;
    expect(latest.offset).toBe(3);
    expect(earliest.offset).toBe(0);
    expect(byTime).toMatchObject({ offset: 1, timestampMs: 2_000 });
    expect(future).toMatchObject({ offset: 3, timestampMs: -1 });
    expect(bad.error).toBe(ErrorCode.INVALID_REQUEST);
  });

  it('wakes a long poll when a produce moves the high watermark, and times out empty otherwise', async () => {
    const end = (await fetchFrom(client, 'orders', 2, 0)).highWatermark!;
    const startedAt = Date.now();
    const waiting = fetchFrom(client, 'orders', 2, end, { maxWaitMs: 10_000, minBytes: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await produce(other, 'orders', 2, batchOf(['wake']));
    const woken = await waiting;
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(valuesOf(woken.batches!)).toEqual([[end, 'wake']]);

    const idleStart = Date.now();
    const idle = await fetchFrom(client, 'orders', 2, end + 1, { maxWaitMs: 300, minBytes: 1 });
    expect(Date.now() - idleStart).toBeGreaterThanOrEqual(250);
    expect(idle).toMatchObject({ highWatermark: end + 1, batches: [] });
  });

  it('appends acks=none writes without answering them', async () => {
    const before = (await fetchFrom(client, 'orders', 2, 0)).highWatermark!;
    client.send({ produceRequest: { acks: rafter.Acks.ACKS_NONE, partitions: [{ topic: 'orders', partition: 2, batch: batchOf(['quiet']) }] } });
    const after = await produce(client, 'orders', 2, batchOf(['loud']));
    expect(after.baseOffset).toBe(before + 1);
    expect(client.unmatched).toEqual([]);
  });

  it('answers garbage bytes and text frames with INVALID_REQUEST and keeps the connection', async () => {
    client.sendBytes(new Uint8Array([0xff, 0xff, 0xff, 0x0f, 0x12]));
    expect((await client.nextUnmatched()).errorResponse).toMatchObject({ error: ErrorCode.INVALID_REQUEST });
    client.sendBytes('hello');
    expect((await client.nextUnmatched()).errorResponse).toMatchObject({ error: ErrorCode.INVALID_REQUEST, errorMessage: expect.stringMatching(/binary/) });
    const empty = await client.request({});
    expect(empty.errorResponse).toMatchObject({ error: ErrorCode.INVALID_REQUEST });
    const wrongWay = await client.request({ fetchResponse: {} });
    expect(wrongWay.errorResponse).toMatchObject({ error: ErrorCode.UNSUPPORTED });
    expect((await client.request({ listTopicsRequest: {} })).listTopicsResponse).toBeDefined();
    await stillServing();
  });

  it('refuses unknown topics and partitions', async () => {
    expect((await produce(client, 'nope', 0, batchOf(['x']))).error).toBe(ErrorCode.UNKNOWN_TOPIC);
    expect((await produce(client, 'orders', 7, batchOf(['x']))).error).toBe(ErrorCode.UNKNOWN_PARTITION);
    expect((await fetchFrom(client, 'nope', 0, 0)).error).toBe(ErrorCode.UNKNOWN_TOPIC);
    const described = await client.request({ describeTopicRequest: { name: 'nope' } });
    expect(described.describeTopicResponse!.error).toBe(ErrorCode.UNKNOWN_TOPIC);
    await stillServing();
  });

  it('refuses fetch offsets below the log start (a negative offset) and past the high watermark', async () => {
    const negative = await fetchFrom(client, 'orders', 0, -1, { maxWaitMs: 5_000 });
    expect(negative).toMatchObject({ error: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark: 5, logStartOffset: 0 });
    const past = await fetchFrom(client, 'orders', 0, 6, { maxWaitMs: 5_000 });
    expect(past).toMatchObject({ error: ErrorCode.OFFSET_OUT_OF_RANGE, errorMessage: expect.stringMatching(/\[0, 5\]/) });
    await stillServing();
  });

  it('refuses corrupt batches and batches above the topic max message size', async () => {
    const corrupt = batchOf(['will be flipped']);
    corrupt[corrupt.length - 1] ^= 0xff;
    expect(await produce(client, 'orders', 0, corrupt)).toMatchObject({ error: ErrorCode.CORRUPT_BATCH, errorMessage: expect.stringMatching(/CRC/) });
    const malformed = batchOf(['x']);
    malformed[RECORD_BATCH_LAYOUT.crc - 1] = 0;
    expect((await produce(client, 'orders', 0, malformed)).error).toBe(ErrorCode.CORRUPT_BATCH);
    expect((await produce(client, 'orders', 0, new Uint8Array(0))).error).toBe(ErrorCode.CORRUPT_BATCH);

    await client.request({ createTopicRequest: { name: 'small', partitions: 1, config: { maxMessageBytes: 1024 } } });
    const big = await produce(client, 'small', 0, batchOf(['x'.repeat(2048)]));
    expect(big).toMatchObject({ error: ErrorCode.MESSAGE_TOO_LARGE, errorMessage: expect.stringMatching(/1024/) });
    // Nothing refused was written.
    expect((await fetchFrom(client, 'orders', 0, 0)).highWatermark).toBe(5);
    await stillServing();
  });

  it('answers a frame somewhat above the limit with FRAME_TOO_LARGE, and drops the connection on one far above it', async () => {
    const oversized = encodeFrame({ correlationId: 4242, produceRequest: { partitions: [{ topic: 'orders', partition: 0, batch: new Uint8Array((8 << 20) + 1) }] } });
    const answered = client.expect(4242);
    client.sendBytes(oversized);
    expect((await answered).errorResponse).toMatchObject({ error: ErrorCode.FRAME_TOO_LARGE, errorMessage: expect.stringMatching(/8388608/) });
    expect((await client.request({ listTopicsRequest: {} })).listTopicsResponse).toBeDefined();

    const victim = await RawClient.connect(broker.url);
    victim.sendBytes(new Uint8Array(12 << 20));
    // uWS refuses to buffer it and drops the socket without a close frame: 1006, abnormal closure.
    expect((await victim.closed).code).toBe(1006);
    await stillServing();
  });
});

describe('durability across SIGKILL', () => {
  afterAll(() => stopAllBrokerProcesses());

  it('keeps every acknowledged acks=all write after the broker is killed mid-stream', async () => {
    const dataDir = makeTempDataDir();
    const first = await startBrokerProcess({ dataDir });
    const client = await RawClient.connect(first.url);
    await client.request({ createTopicRequest: { name: 'durable', partitions: 2 } });

    const acked: Array<{ partition: number; baseOffset: number; value: string }> = [];
    let stop = false;
    const writer = async (partition: number) => {
      for (let i = 0; !stop; i++) {
        const value = `p${partition}-${i}`;
        const result = await Promise.race([
          produce(client, 'durable', partition, batchOf([value])),
          client.closed.then(() => undefined),
        ]);
        if (!result || result.error) return;
        acked.push({ partition, baseOffset: result.baseOffset!, value });
      }
    };
    const writers = [0, 0, 1, 1].map((p) => writer(p));
    while (acked.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    // Killed while writes are in flight: those not acknowledged may or may not survive, the acknowledged must.
    await first.kill();
    stop = true;
    await Promise.all(writers);

    const second = await startBrokerProcess({ dataDir });
    const reader = await RawClient.connect(second.url);
    const stored = new Map<string, string>();
    for (const partition of [0, 1]) {
      let offset = 0;
      for (;;) {
        const r = await fetchFrom(reader, 'durable', partition, offset, { maxBytes: 1 << 20 });
        expect(r.error ?? 0).toBe(ErrorCode.NONE);
        if (r.batches!.length === 0) break;
        for (const [o, v] of valuesOf(r.batches!)) stored.set(`${partition}:${o}`, v);
        offset = Math.max(...valuesOf(r.batches!).map(([o]) => o)) + 1;
      }
    }
    const missing = acked.filter((a) => stored.get(`${a.partition}:${a.baseOffset}`) !== a.value);
    expect(missing).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(200);

    // New writes continue after the recovered log end.
    const next = await produce(reader, 'durable', 0, batchOf(['after']));
    expect(next.baseOffset).toBe(Math.max(...[...stored.keys()].filter((k) => k.startsWith('0:')).map((k) => Number(k.slice(2)))) + 1);
    reader.close();
    expect(await second.stop()).toBe(0);
  });
});

describe('graceful shutdown on SIGTERM', () => {
  afterAll(() => stopAllBrokerProcesses());

  it('answers waiting fetches and in-flight writes, closes connections with 1001, exits 0 and keeps the data', async () => {
    const dataDir = makeTempDataDir();
    const broker = await startBrokerProcess({ dataDir });
    const client = await RawClient.connect(broker.url);
    await client.request({ createTopicRequest: { name: 'calm', partitions: 1 } });
    const poll = fetchFrom(client, 'calm', 0, 0, { maxWaitMs: 30_000, minBytes: 1 << 20 });
    const writes = Array.from({ length: 50 }, (_, i) => produce(client, 'calm', 0, batchOf([`w${i}`])));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopping = broker.stop();

    const answered = await Promise.all(writes);
    for (const w of answered) expect([ErrorCode.NONE, ErrorCode.BROKER_SHUTTING_DOWN]).toContain(w.error ?? 0);
    expect((await poll).error ?? 0).toBe(ErrorCode.NONE);
    expect((await client.closed).code).toBe(1001);
    expect(await stopping).toBe(0);

    const restarted = await startBrokerProcess({ dataDir });
    const reader = await RawClient.connect(restarted.url);
    const stored = valuesOf((await fetchFrom(reader, 'calm', 0, 0, { maxBytes: 1 << 20 })).batches!);
    const acked = answered.filter((w) => !w.error).map((w) => w.baseOffset);
    for (const offset of acked) expect(stored.map(([o]) => o)).toContain(offset);
    reader.close();
    expect(await restarted.stop()).toBe(0);
  });
});
