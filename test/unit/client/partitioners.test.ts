import { hashPartition, murmur2, rangePartition, toPositive } from '../../../client';
import { TopicInfo } from '../../../client/cluster/metadata';
import { StickyPartitioner } from '../../../client/producer/partitioners';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('murmur2', () => {
  // Expected values from Apache Kafka's own test, clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java
  // (testMurmur2): the Java producer's Utils.murmur2 results as signed 32-bit ints.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%j) = %d, as Kafka', (input, expected) => {
    expect(murmur2(bytes(input))).toBe(expected);
  });

  it('toPositive clears the sign bit like Kafka (not Math.abs)', () => {
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(479470107)).toBe(479470107);
  });

  it('hash partition is toPositive(murmur2(key)) % partitions, e.g. "21" over 6 partitions', () => {
    // (-973932308 & 0x7fffffff) = 1173551340; 1173551340 % 6 = 0, % 7 = 3.
    expect(hashPartition(bytes('21'), 6)).toBe(1173551340 % 6);
    expect(hashPartition(bytes('21'), 7)).toBe(3);
    expect(hashPartition(bytes('foobar'), 12)).toBe((-790332482 & 0x7fffffff) % 12);
    expect(hashPartition(bytes('abc'), 3)).toBe(479470107 % 3);
  });
});

describe('range partitioner', () => {
  const split = ['g', 'p', 'w'].map(bytes);

  it('puts partition i in [split[i-1], split[i]): a split key starts its partition', () => {
    expect(rangePartition(bytes(''), split)).toBe(0);
    expect(rangePartition(bytes('a'), split)).toBe(0);
    expect(rangePartition(bytes('f\xff'), split)).toBe(0);
    expect(rangePartition(bytes('g'), split)).toBe(1);
    expect(rangePartition(bytes('g0'), split)).toBe(1);
    expect(rangePartition(bytes('p'), split)).toBe(2);
    expect(rangePartition(bytes('w'), split)).toBe(3);
    expect(rangePartition(bytes('zzz'), split)).toBe(3);
  });

  it('compares unsigned bytes, and a prefix sorts first', () => {
    const keys = [new Uint8Array([0x7f]), new Uint8Array([0x80])];
    expect(rangePartition(new Uint8Array([0x7f, 0xff]), keys)).toBe(1);
    expect(rangePartition(new Uint8Array([0xff]), keys)).toBe(2);
    expect(rangePartition(new Uint8Array([]), keys)).toBe(0);
  });

  it('with one partition (no split keys) everything goes to 0', () => {
    expect(rangePartition(bytes('anything'), [])).toBe(0);
  });
});

describe('sticky partitioner', () => {
  const topic = (leaders: number[]): TopicInfo => ({
    name: 't', partitioning: 'hash', splitKeys: [], replicationFactor: 1,
    config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 0 },
    partitions: leaders.map((leaderId, partition) => ({ partition, leaderId, leaderEpoch: 0, replicas: [], inSyncReplicas: [], error: 0 })),
  });

  it('sticks until a batch of the sticky partition is sent, then switches to another', () => {
    const rolls = [0.1, 0.6, 0.9];
    const sticky = new StickyPartitioner(() => rolls.shift() ?? 0);
    const t = topic([1, 1, 1, 1]);
    const first = sticky.partition(t);
    expect(sticky.partition(t)).toBe(first);
    sticky.onBatchSent(t, (first + 1) % 4); // another partition's batch: no switch
    expect(sticky.partition(t)).toBe(first);
    sticky.onBatchSent(t, first);
    const second = sticky.partition(t);
    expect(second).not.toBe(first);
    expect(sticky.partition(t)).toBe(second);
  });

  it('prefers partitions with a known leader', () => {
    const sticky = new StickyPartitioner(() => 0.99);
    expect(sticky.partition(topic([-1, -1, 2, -1]))).toBe(2);
  });

  it('stays on the only partition there is', () => {
    const sticky = new StickyPartitioner(() => 0.5);
    const t = topic([1]);
    sticky.onBatchSent(t, sticky.partition(t));
    expect(sticky.partition(t)).toBe(0);
  });
});
