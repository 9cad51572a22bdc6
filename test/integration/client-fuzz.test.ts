// A seeded fuzzer against the client endpoint of a broker process: several connections send hostile frames
// (helpers/client-fuzz.ts) as fast as the broker reads them, while a well-behaved SDK producer keeps writing. The
// broker must keep serving that producer throughout, stay within a memory bound, survive, and hand back every record
// it acknowledged, once, at the offset it acknowledged. The seed is printed; RAFTER_FUZZ_SEED replays a run and
// RAFTER_FUZZ_MS makes it longer (CI runs a few seconds).
import WebSocket from 'ws';
import { Rafter } from '../../client';
import { decodeFrame } from '../../client/protocol';
import { residentBytes } from '../../tools/bench/process-stats';
import { startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';
import { Prng } from '../sim/prng';
import { ClientFuzzer, type FuzzIdentity, type FuzzKind } from './helpers/client-fuzz';
import { take } from './helpers/take';

const SEED = Number(process.env.RAFTER_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const FUZZ_MS = Number(process.env.RAFTER_FUZZ_MS ?? 6_000);
const CONNECTIONS = 3;
const MAX_FRAME_BYTES = 256 * 1024;
const RSS_BOUND_BYTES = 400 * 1024 * 1024;
/** The well-behaved producer's sends must each complete within this, however busy the fuzzers keep the broker. */
const GOOD_SEND_DEADLINE_MS = 15_000;

jest.setTimeout(FUZZ_MS + 60_000);

interface FuzzStats {
  sent: Partial<Record<FuzzKind, number>>;
  answers: number;
  closes: Record<string, number>;
}

/** One hostile connection: sends frames until `until`, reconnecting whenever the broker closes it. */
async function fuzzConnection(url: string, fuzzer: ClientFuzzer, identities: FuzzIdentity[], until: number, stats: FuzzStats): Promise<void> {
  while (Date.now() < until) {
    const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024 });
    const closed = new Promise<void>((resolve) => {
      ws.once('close', (code) => {
        stats.closes[code] = (stats.closes[code] ?? 0) + 1;
        resolve();
      });
      ws.once('error', () => resolve());
    });
    ws.on('message', (data: Buffer) => {
      stats.answers++;
      try {
        const r = decodeFrame(new Uint8Array(data)).initProducerIdResponse;
        if (r?.producerToken?.length && identities.length < 20) identities.push({ producerId: Number(r.producerId), producerToken: Uint8Array.from(r.producerToken) });
      } catch {
        // An answer to a frame the broker could not read at all: nothing to learn from.
      }
    });
    await new Promise<void>((resolve) => { ws.once('open', () => resolve()); ws.once('close', () => resolve()); });
    while (ws.readyState === WebSocket.OPEN && Date.now() < until) {
      const frame = fuzzer.next();
      stats.sent[frame.kind] = (stats.sent[frame.kind] ?? 0) + 1;
      ws.send(frame.bytes, { binary: typeof frame.bytes !== 'string' });
      // As fast as the broker reads: never more than a little waiting in this client.
      while (ws.readyState === WebSocket.OPEN && ws.bufferedAmount > 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setImmediate(resolve));
    }
    ws.terminate();
    await closed;
  }
}

describe(`client endpoint fuzzer (seed ${SEED}, RAFTER_FUZZ_SEED=${SEED} to replay)`, () => {
  let broker: BrokerProcess;

  beforeAll(async () => {
    broker = await startBrokerProcess({ args: ['--max-frame-bytes', String(MAX_FRAME_BYTES), '--max-fetch-bytes', String(MAX_FRAME_BYTES), '--max-message-bytes', String(64 * 1024)] });
  });

  afterAll(() => stopAllBrokerProcesses());

  it('keeps serving a well-behaved producer within a memory bound, and loses nothing it acknowledged', async () => {
    process.stdout.write(`client fuzzer: seed ${SEED}, ${FUZZ_MS} ms, ${CONNECTIONS} connections\n`);
    const client = new Rafter({ brokers: [`127.0.0.1:${broker.port}`] });
    const admin = client.admin();
    await admin.createTopic({ topic: 'good', partitions: 2 });
    await admin.createTopic({ topic: 'fz-shared', partitions: 3 });
    const producer = client.producer({ lingerMs: 2 });
    const acknowledged = new Map<string, { partition: number; offset: number }>();
    let slowestSendMs = 0;
    let rssMax = 0;
    const until = Date.now() + FUZZ_MS;
    const good = (async () => {
      for (let i = 0; Date.now() < until; i++) {
        const value = `good-${i}`;
        const startedAt = Date.now();
        const [meta] = await producer.send({ topic: 'good', messages: [{ value, key: `k${i % 7}` }] });
        slowestSendMs = Math.max(slowestSendMs, Date.now() - startedAt);
        acknowledged.set(value, { partition: meta.partition, offset: meta.offset });
      }
    })();
    const sampler = setInterval(() => { rssMax = Math.max(rssMax, residentBytes(broker.pid)); }, 100);
    const stats: FuzzStats = { sent: {}, answers: 0, closes: {} };
    const rng = new Prng(SEED);
    const identities: FuzzIdentity[] = [];
    try {
      await Promise.all([
        good,
        ...Array.from({ length: CONNECTIONS }, () => fuzzConnection(broker.url,
          new ClientFuzzer(rng.fork(), { topics: ['fz-shared', 'good'], partitions: 3, maxFrameBytes: MAX_FRAME_BYTES }, identities),
          identities, until, stats)),
      ]);
    } finally {
      clearInterval(sampler);
    }
    rssMax = Math.max(rssMax, residentBytes(broker.pid));
    const frames = Object.values(stats.sent).reduce((n, c) => n + c, 0);
    const scrape = await (await fetch(`${broker.httpUrl}/metrics`)).text();
    const rejected = [...scrape.matchAll(/^rafter_frames_rejected_total\{reason="(\w+)".*\} (\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`).join(', ');
    process.stdout.write(`client fuzzer: seed ${SEED}: ${frames} frames ${JSON.stringify(stats.sent)}, ${stats.answers} answers, ` +
      `closes ${JSON.stringify(stats.closes)}; good producer ${acknowledged.size} acknowledged, slowest send ${slowestSendMs} ms; ` +
      `broker RSS max ${(rssMax / 2 ** 20).toFixed(0)} MiB; frames rejected before dispatch: ${rejected}\n`);

    expect(frames).toBeGreaterThan(100);
    expect(acknowledged.size).toBeGreaterThan(2);
    expect(slowestSendMs).toBeLessThan(GOOD_SEND_DEADLINE_MS);
    expect(rssMax).toBeLessThan(RSS_BOUND_BYTES);
    expect(await (await fetch(`${broker.httpUrl}/health`)).json()).toMatchObject({ status: 'ok' });

    // Everything acknowledged to the good producer, once, where it was acknowledged.
    const offsets = await admin.fetchTopicOffsets('good');
    const consumer = client.consumer({ start: 'earliest' });
    await consumer.assign([{ topic: 'good' }]);
    const records = await take(consumer, offsets.reduce((n, o) => n + o.high - o.low, 0), 30_000);
    await consumer.close();
    const stored = new Map<string, { partition: number; offset: number }[]>();
    for (const r of records) {
      const value = r.value === null ? '' : Buffer.from(r.value).toString('latin1');
      stored.set(value, [...(stored.get(value) ?? []), { partition: r.partition, offset: r.offset }]);
    }
    const wrong = [...acknowledged].filter(([value, at]) => JSON.stringify(stored.get(value)) !== JSON.stringify([at]));
    // The fuzzers write to the same topic: their records sit between the good ones, and none of them is a good one.
    expect(wrong).toEqual([]);
    await client.close();
  });
});
