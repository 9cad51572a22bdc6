// Prometheus naming rules on a real scrape: a broker in this process with a topic, produced to and fetched from
// through the SDK, and the SDK's own metrics. `promtool check metrics` judges the text too when it is installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { startBroker, type RunningBroker } from '../../../broker/main';
import { instrumentConsumer, instrumentProducer, Rafter } from '../../../client';

interface Family {
  name: string;
  type: string;
  samples: string[];
}

function families(text: string): Family[] {
  const byName = new Map<string, Family>();
  for (const line of text.split('\n')) {
    const m = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (m) byName.set(m[1], { name: m[1], type: m[2], samples: [] });
    else if (line !== '' && !line.startsWith('#')) {
      const name = line.split(/[{ ]/)[0];
      const family = byName.get(name) ?? byName.get(name.replace(/_(bucket|sum|count)$/, ''));
      family?.samples.push(line);
    }
  }
  return [...byName.values()];
}

/** The naming rules of https://prometheus.io/docs/practices/naming/ this project keeps; returns the violations. */
function namingViolations(text: string): string[] {
  const problems: string[] = [];
  for (const f of families(text)) {
    if (!f.name.startsWith('rafter_')) problems.push(`${f.name}: no rafter_ prefix`);
    if (f.type === 'counter' && !f.name.endsWith('_total')) problems.push(`${f.name}: a counter without _total`);
    if (f.type !== 'counter' && f.name.endsWith('_total')) problems.push(`${f.name}: _total on a ${f.type}`);
    if (/(latency|duration|_time|delay|lag)(_|$)/.test(f.name) && !/_(seconds|entries|records)(_total)?$/.test(f.name)) {
      problems.push(`${f.name}: a time without _seconds`);
    }
    if (/_bytes_/.test(f.name) && !/_bytes_total$/.test(f.name)) problems.push(`${f.name}: the unit (_bytes) is not the suffix`);
    if (/(_ms|_millis|_milliseconds|_kb|_mb)(_|$)/.test(f.name)) problems.push(`${f.name}: not a base unit`);
    if (f.type === 'histogram' && f.name.endsWith('_seconds') && !f.name.includes('_gc_')) {
      const bounds = f.samples.filter((s) => s.includes('_bucket')).map((s) => /le="([^"]+)"/.exec(s)?.[1]);
      if (!bounds.includes('0.0001') || !bounds.includes('10')) problems.push(`${f.name}: latency buckets do not span 0.1 ms .. 10 s`);
    }
  }
  return problems;
}

function promtool(text: string): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
  if (found.status !== 0) return undefined;
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`.trim();
}

describe('metric naming', () => {
  let dataDir: string;
  let broker: RunningBroker;
  let client: Rafter;
  const clientRegistry = new Registry();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-metrics-naming-'));
    broker = await startBroker({ dataDir, port: 0, durable: false, brokerId: 7 });
    client = new Rafter({ brokers: [`127.0.0.1:${broker.port}`] });
    await client.admin().createTopic({ topic: 'named', partitions: 2 });
    const producer = client.producer();
    instrumentProducer(producer, clientRegistry);
    await producer.send({ topic: 'named', messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    const consumer = client.consumer({ start: 'earliest', maxWaitMs: 10 });
    instrumentConsumer(consumer, clientRegistry);
    await consumer.assign([{ topic: 'named' }]);
    let seen = 0;
    for await (const batch of consumer.batches()) if ((seen += batch.records.length) >= 2) break;
  });

  afterAll(async () => {
    await client?.close();
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async () => (await fetch(`http://127.0.0.1:${broker.httpPort}/metrics`)).text();

  it('names every broker metric by the Prometheus conventions', async () => {
    const text = await scrape();
    expect(families(text).length).toBeGreaterThan(50);
    expect(namingViolations(text)).toEqual([]);
    expect(promtool(text) ?? '').toBe('');
  });

  it('labels every broker series with the broker id and exports process metrics', async () => {
    const text = await scrape();
    const samples = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(samples.filter((s) => !s.includes('broker="7"'))).toEqual([]);
    expect(text).toMatch(/^rafter_process_resident_memory_bytes\{broker="7"\} \d+/m);
    expect(text).toMatch(/^rafter_build_info\{version="[^"]+",node_version="v20[^"]*",broker="7"\} 1$/m);
  });

  it('exports per-partition series with topic and partition', async () => {
    const text = await scrape();
    expect(text).toMatch(/^rafter_partition_high_watermark\{topic="named",partition="0",broker="7"\} \d+$/m);
    expect(text).toMatch(/^rafter_partition_appended_records_total\{topic="named",partition="\d",broker="7"\} [1-9]/m);
  });

  it('names every SDK metric by the same conventions', async () => {
    const text = await clientRegistry.metrics();
    expect(families(text).map((f) => f.name)).toEqual(expect.arrayContaining([
      'rafter_client_produce_request_duration_seconds', 'rafter_client_produced_records_total', 'rafter_client_consumer_lag_records',
      'rafter_client_fetched_records_total',
    ]));
    expect(namingViolations(text)).toEqual([]);
    expect(promtool(text) ?? '').toBe('');
    expect(text).toMatch(/^rafter_client_produced_records_total\{topic="named"\} 2$/m);
  });
});
