// Bounded label cardinality: per-partition series follow partitions by default and topics with
// `labels: 'topic'`, with the same totals either way; counting appends touches no label lookup per record.
import { Registry } from 'prom-client';
import { encodeRecordBatch } from '../../../client/protocol';
import { LocalReplicatedLog, Partition, PartitionMetrics } from '../../../broker/partition';
import type { PartitionMetricLabels } from '../../../broker/metrics';
import { openTempStore, type TempStore } from '../server/store-fixture';

const TOPICS = ['alpha', 'beta'];
const PARTITIONS_PER_TOPIC = 25;

async function partitionsWith(temp: TempStore, labels: PartitionMetricLabels): Promise<{ registry: Registry; partitions: Partition[] }> {
  const registry = new Registry();
  const partitions: Partition[] = [];
  const metrics = new PartitionMetrics(registry, () => partitions, { labels });
  const replicated = new LocalReplicatedLog(temp.store);
  let groupId = 1;
  for (const topic of TOPICS) {
    for (let partition = 0; partition < PARTITIONS_PER_TOPIC; partition++) {
      const id = groupId++;
      partitions.push(new Partition({
        topic, partition, groupId: id, log: temp.store.group(id), replicated, maxMessageBytes: 1 << 20,
        counters: metrics.countersFor(topic, partition),
      }));
    }
  }
  await Promise.all(partitions.map((p) => {
    const batch = encodeRecordBatch([{ value: new Uint8Array([1]) }, { value: new Uint8Array([2]) }]);
    const header = p.checkBatch(batch);
    if ('error' in header) throw new Error(header.message);
    return p.append(batch, header, 1);
  }));
  return { registry, partitions };
}

async function series(registry: Registry, name: string): Promise<Array<{ labels: Record<string, string | number>; value: number }>> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values.map((v) => ({ labels: v.labels as Record<string, string | number>, value: v.value }));
}

describe('per-partition metric cardinality', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(); });
  afterEach(() => temp.dispose());

  const NAMES = [
    'rafter_partition_high_watermark', 'rafter_partition_size_bytes', 'rafter_partition_leader', 'rafter_partition_replicas',
    'rafter_partition_in_sync_replicas', 'rafter_partition_appended_records_total', 'rafter_partition_appended_bytes_total',
  ];

  it('labels series by topic and partition by default: one per partition', async () => {
    const { registry } = await partitionsWith(temp, 'partition');
    for (const name of NAMES) {
      const values = await series(registry, name);
      expect(values).toHaveLength(TOPICS.length * PARTITIONS_PER_TOPIC);
      expect(Object.keys(values[0].labels).sort()).toEqual(['partition', 'topic']);
    }
  });

  it('sums per topic with labels: topic: one series per topic, same totals', async () => {
    const { registry } = await partitionsWith(temp, 'topic');
    for (const name of NAMES) {
      const values = await series(registry, name);
      expect(values.map((v) => v.labels)).toEqual(TOPICS.map((topic) => ({ topic })));
    }
    expect((await series(registry, 'rafter_partition_high_watermark')).map((v) => v.value)).toEqual([2 * PARTITIONS_PER_TOPIC, 2 * PARTITIONS_PER_TOPIC]);
    expect((await series(registry, 'rafter_partition_appended_records_total')).map((v) => v.value)).toEqual([2 * PARTITIONS_PER_TOPIC, 2 * PARTITIONS_PER_TOPIC]);
    expect((await series(registry, 'rafter_partition_leader')).map((v) => v.value)).toEqual([PARTITIONS_PER_TOPIC, PARTITIONS_PER_TOPIC]);
  });

  it('drops the series of a partition that is gone at the next scrape', async () => {
    const { registry, partitions } = await partitionsWith(temp, 'partition');
    partitions.splice(0, PARTITIONS_PER_TOPIC);
    expect((await series(registry, 'rafter_partition_high_watermark')).map((v) => v.labels.topic)).toEqual(Array(PARTITIONS_PER_TOPIC).fill('beta'));
  });
});
