// A single broker whose stored data was damaged while it was stopped, the way a disk damages it: a flipped bit in a
// stored batch header (the base offset the leader patched in, which the batch CRC does not cover), inside a record,
// in the offset index; a data file cut short. The broker never serves a record at a wrong offset: the damaged
// partition answers STORAGE_ERROR (the damage is the broker's, and in a cluster another replica can serve it), every
// other partition is served, one stderr line names the partition, index and check, /health says degraded and the
// corruption metric counts it. A store it cannot open is refused at start in one line, never with SIGBUS.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { decodeRecordBatch, encodeRecordBatch, ErrorCode, rafter } from '../../client/protocol';
import { startBrokerProcess, stopAllBrokerProcesses, makeTempDataDir, type BrokerProcess } from '../../tools/broker-process';
import { RawClient } from './helpers/raw-client';
import {
  findStoredEntry, flipBitInBatchHeader, flipBitInOffsetIndex, flipBitInRecord, storeFile, truncateStore,
} from './helpers/store-damage';

const TOPIC = 'damage';
const PARTITIONS = 3;
const BATCHES = 10;
const RECORDS_PER_BATCH = 4;
/** Topics get Raft groups from 1 upward: partition p of the first topic is group p + 1. */
const groupOf = (partition: number) => partition + 1;
const valueAt = (partition: number, offset: number) => `p${partition}-offset-${String(offset).padStart(4, '0')}`;
const NO_SCRUB = ['--scrub-bytes-per-second', '0'];

async function produceAll(broker: BrokerProcess): Promise<void> {
  const client = await RawClient.connect(broker.url);
  try {
    const created = await client.request({ createTopicRequest: { name: TOPIC, partitions: PARTITIONS } });
    expect(created.createTopicResponse!.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
    for (let partition = 0; partition < PARTITIONS; partition++) {
      for (let b = 0; b < BATCHES; b++) {
        const first = b * RECORDS_PER_BATCH;
        const values = Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({ value: Buffer.from(valueAt(partition, first + i)) }));
        const response = await client.request({
          produceRequest: { acks: rafter.Acks.ACKS_ALL, partitions: [{ topic: TOPIC, partition, batch: encodeRecordBatch(values) }] },
        });
        expect(response.produceResponse!.partitions![0]).toMatchObject({ error: ErrorCode.NONE, baseOffset: first });
      }
    }
  } finally {
    client.close();
  }
}

interface Fetched {
  from: number;
  records: Array<[number, string]>;
  error: ErrorCode;
  errorMessage: string;
}

/** Fetches a partition from `offset` to its high watermark (or the first error), many batches per fetch. */
async function fetchAll(client: RawClient, partition: number, offset = 0): Promise<Fetched> {
  const records: Array<[number, string]> = [];
  for (let next = offset; ;) {
    const response = await client.request({ fetchRequest: { maxWaitMs: 0, maxBytes: 1 << 20, partitions: [{ topic: TOPIC, partition, offset: next }] } });
    const p = response.fetchResponse!.partitions![0];
    if ((p.error ?? ErrorCode.NONE) !== ErrorCode.NONE) return { from: offset, records, error: p.error!, errorMessage: p.errorMessage ?? '' };
    let served = 0;
    (p.batches ?? []).forEach((batch, i) => {
      for (const r of decodeRecordBatch(batch).records) {
        // Only the first batch may start before the offset asked for (the client skips those records).
        if (i === 0 && r.offset < next) continue;
        records.push([r.offset, Buffer.from(r.value!).toString()]);
        served++;
      }
    });
    const end = Math.max(next, ...records.map(([o]) => o + 1));
    if (served === 0 || end >= (p.highWatermark ?? 0)) return { from: offset, records, error: ErrorCode.NONE, errorMessage: '' };
    next = end;
  }
}

/** Every record fetched sits at the offset it was acknowledged at, and none is skipped or served twice. */
function expectAtTheirOffsets(partition: number, fetched: Fetched): void {
  const expected = fetched.records.map((_, i) => [fetched.from + i, valueAt(partition, fetched.from + i)]);
  expect(fetched.records).toEqual(expected);
}

function expectAllServed(partition: number, fetched: Fetched): void {
  expect(fetched.error).toBe(ErrorCode.NONE);
  expect(fetched.records.map(([o]) => o)).toEqual(Array.from({ length: BATCHES * RECORDS_PER_BATCH }, (_, i) => i));
  expectAtTheirOffsets(partition, fetched);
}

async function health(broker: BrokerProcess): Promise<Record<string, unknown>> {
  return (await fetch(`${broker.httpUrl}/health`)).json() as Promise<Record<string, unknown>>;
}

async function corruptionsCounted(broker: BrokerProcess, check: string): Promise<number> {
  const text = await (await fetch(`${broker.httpUrl}/metrics`)).text();
  const m = new RegExp(`^rafter_storage_corruptions_detected_total\\{check="${check}",broker="1"\\} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

function damageLines(broker: BrokerProcess): string[] {
  return broker.stderr().split('\n').filter((l) => l.includes('storage damage'));
}

/** Polls until `check` holds (the broker runs on a loaded machine: generous deadline, no fixed sleeps). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A broker with the topic written, stopped; `damage` runs on its data dir; then started again with `args`. */
async function damagedBroker(damage: (dataDir: string) => void, args: string[] = NO_SCRUB): Promise<BrokerProcess> {
  const dataDir = makeTempDataDir();
  const first = await startBrokerProcess({ dataDir, args });
  await produceAll(first);
  expect(await first.stop()).toBe(0);
  damage(dataDir);
  return startBrokerProcess({ dataDir, args });
}

/** The damaged partition is reported once, in every place an operator looks. */
async function expectReported(broker: BrokerProcess, partition: number, check: string): Promise<void> {
  await eventually(async () => (await health(broker)).status === 'degraded', '/health to say degraded');
  expect(await health(broker)).toMatchObject({
    status: 'degraded',
    damagedGroups: [{ groupId: groupOf(partition), topic: TOPIC, partition, check }],
  });
  await eventually(async () => damageLines(broker).length > 0, 'the stderr line');
  const lines = damageLines(broker);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^rafter broker: storage damage in partition ${TOPIC}/${partition} \\(group ${groupOf(partition)}\\) at index \\d+, check ${check}: `));
  expect(await corruptionsCounted(broker, check)).toBe(1);
}

describe('a broker restarted on damaged storage', () => {
  let client: RawClient | undefined;

  afterEach(async () => {
    client?.close();
    client = undefined;
    await stopAllBrokerProcesses();
  });

  it('never serves a batch whose stored base offset changed, and keeps serving the other partitions', async () => {
    // Offset 20 → 16: the "acknowledged at 508, read at 504", offsets going backwards.
    const broker = await damagedBroker((dir) => {
      const damage = flipBitInBatchHeader(dir, { groupId: groupOf(0), offset: 20 }, 'baseOffset', 2);
      expect(damage).toMatchObject({ before: 20, after: 16 });
    });
    client = await RawClient.connect(broker.url);
    const damaged = await fetchAll(client, 0);
    expectAtTheirOffsets(0, damaged);
    expect(damaged).toMatchObject({ error: ErrorCode.STORAGE_ERROR, errorMessage: expect.stringMatching(/group 1 at index \d+ \(entry_checksum\)/) });
    expectAllServed(1, await fetchAll(client, 1));
    expectAllServed(2, await fetchAll(client, 2));
    const produced = await client.request({
      produceRequest: { acks: rafter.Acks.ACKS_ALL, partitions: [0, 1].map((partition) => ({ topic: TOPIC, partition, batch: encodeRecordBatch([{ value: Buffer.from('after') }]) })) },
    });
    expect(produced.produceResponse!.partitions!.map((p) => p.error ?? ErrorCode.NONE)).toEqual([ErrorCode.STORAGE_ERROR, ErrorCode.NONE]);
    await expectReported(broker, 0, 'entry_checksum');
  });

  it('never serves a batch with a flipped bit inside a record', async () => {
    const broker = await damagedBroker((dir) => { flipBitInRecord(dir, valueAt(1, 13)); });
    client = await RawClient.connect(broker.url);
    const damaged = await fetchAll(client, 1);
    expectAtTheirOffsets(1, damaged);
    expect(damaged.error).toBe(ErrorCode.STORAGE_ERROR);
    expectAllServed(0, await fetchAll(client, 0));
    expectAllServed(2, await fetchAll(client, 2));
    await expectReported(broker, 1, 'entry_checksum');
  });

  it('detects an offset index value that names another entry instead of serving from there', async () => {
    const broker = await damagedBroker((dir) => {
      // Batch 5 (offsets 20..23): its index value + 1 names the next batch, so a fetch from 20 would start at 24.
      expect(findStoredEntry(dir, { groupId: groupOf(2), offset: 20 }).index % 2).toBe(0);
      flipBitInOffsetIndex(dir, { groupId: groupOf(2), offset: 20 }, 0);
    });
    client = await RawClient.connect(broker.url);
    const fromDamaged = await fetchAll(client, 2, 20);
    expectAtTheirOffsets(2, fromDamaged);
    expect(fromDamaged).toMatchObject({ error: ErrorCode.STORAGE_ERROR, errorMessage: expect.stringMatching(/offset_index/) });
    expectAllServed(0, await fetchAll(client, 0));
    expectAllServed(1, await fetchAll(client, 1));
    await expectReported(broker, 2, 'offset_index');
    expect(damageLines(broker)[0]).toContain('offset index entry for offset 20: offset index value checksum mismatch');
  });

  it('the scrubber finds damage in a partition nobody reads', async () => {
    const broker = await damagedBroker(
      (dir) => { flipBitInOffsetIndex(dir, { groupId: groupOf(2), offset: 8 }, 40); },
      ['--scrub-bytes-per-second', String(64 * 1024 * 1024)],
    );
    await expectReported(broker, 2, 'offset_index');
    const metrics = await (await fetch(`${broker.httpUrl}/metrics`)).text();
    expect(Number(/^rafter_storage_scrubbed_bytes_total\{broker="1"\} (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    await eventually(async () => {
      const text = await (await fetch(`${broker.httpUrl}/metrics`)).text();
      return Number(/^rafter_storage_scrub_last_pass_completed_timestamp_seconds\{broker="1"\} (\S+)$/m.exec(text)?.[1]) > 0;
    }, 'a full scrub pass');
    client = await RawClient.connect(broker.url);
    expectAllServed(0, await fetchAll(client, 0));
    expectAllServed(1, await fetchAll(client, 1));
  });
});

describe('a broker whose data file was cut short', () => {
  afterEach(async () => {
    await stopAllBrokerProcesses();
  });

  async function truncatedDataDir(): Promise<string> {
    const dataDir = makeTempDataDir();
    const broker = await startBrokerProcess({ dataDir });
    await produceAll(broker);
    expect(await broker.stop()).toBe(0);
    truncateStore(dataDir, Math.floor(statSync(storeFile(dataDir)).size / 2));
    return dataDir;
  }

  it('refuses to start in one line naming the file and --rebuild-from-peers, exiting non-zero without a signal', async () => {
    const dataDir = await truncatedDataDir();
    const failure = await startBrokerProcess({ dataDir }).then(() => undefined, (err: Error) => err.message);
    // startBrokerProcess reports how the process ended and its stderr.
    expect(failure).toMatch(/^broker exited \(code 1, signal null\) before listening; stderr:\n/);
    const stderr = failure!.slice(failure!.indexOf('\n') + 1).trimEnd().split('\n');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(`rafter broker: cannot open the store ${storeFile(dataDir)}: truncated (`);
    expect(stderr[0]).toMatch(/truncated \(\d+ bytes, the store needs at least \d+\)\. Nothing was changed\..*--rebuild-from-peers/);
    expect(existsSync(storeFile(dataDir))).toBe(true);
  });

  it('with --rebuild-from-peers moves the store aside, says so and starts on a fresh one', async () => {
    const dataDir = await truncatedDataDir();
    const broker = await startBrokerProcess({ dataDir, args: ['--rebuild-from-peers'] });
    expect(broker.stderr()).toMatch(/cannot open the store .*: truncated \(.*--rebuild-from-peers: moved it aside to .*rafter\.lmdb\.damaged-\d{8}T\d{6}Z and .*rafter\.lmdb-lock\.damaged-\d{8}T\d{6}Z and starting on a fresh store/);
    expect(readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toHaveLength(2);
    expect(await health(broker)).toMatchObject({ status: 'ok' });
    const client = await RawClient.connect(broker.url);
    try {
      const listed = await client.request({ listTopicsRequest: {} });
      expect(listed.listTopicsResponse!.topics ?? []).toEqual([]);
    } finally {
      client.close();
    }
  });
});
