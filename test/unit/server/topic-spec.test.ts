import { ErrorCode, rafter } from '../../../client/protocol';
import {
  decodeTopicTable, encodeTopicTable, FIRST_PARTITION_GROUP_ID, topicNameProblem, validateCreateTopic, type TopicLimits,
} from '../../../broker/topics';

const limits: TopicLimits = { maxPartitionsPerTopic: 64, defaultMaxMessageBytes: 1 << 20, maxMessageBytesCeiling: 8 << 20, maxSplitKeyBytes: 1024, maxSplitKeysBytesPerTopic: 64 << 10, brokerCount: 1 };
const key = (s: string) => new Uint8Array(Buffer.from(s));

describe('topic names (Kafka rules)', () => {
  it.each(['orders', 'a', 'A.b_c-9', 'x'.repeat(249)])('accepts %s', (name) => {
    expect(topicNameProblem(name)).toBeUndefined();
  });
  it.each([
    ['', /empty/], ['x'.repeat(250), /at most 249/], ['.', /cannot be/], ['..', /cannot be/],
    ['has space', /may only contain/], ['slash/y', /may only contain/], ['ünicode', /may only contain/],
  ])('refuses %j', (name, why) => {
    expect(topicNameProblem(name)).toMatch(why);
  });
});

describe('validateCreateTopic', () => {
  it('fills defaults: hash partitioning, replication factor 1, the broker default max message bytes', () => {
    expect(validateCreateTopic({ name: 't', partitions: 3 }, limits)).toEqual({
      name: 't', partitions: 3, replicationFactor: 1, partitioning: rafter.Partitioning.HASH, splitKeys: [],
      config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 1 << 20 },
    });
  });

  it('bounds the partition count', () => {
    expect(validateCreateTopic({ name: 't', partitions: 0 }, limits)).toMatchObject({ error: ErrorCode.INVALID_TOPIC });
    expect(validateCreateTopic({ name: 't', partitions: 65 }, limits)).toMatchObject({ error: ErrorCode.INVALID_TOPIC, message: /\[1, 64\]/ });
    expect(validateCreateTopic({ name: 't', partitions: 64 }, limits)).toMatchObject({ partitions: 64 });
  });

  it('refuses replication factors above the broker count with a message naming the single broker', () => {
    const r = validateCreateTopic({ name: 't', partitions: 1, replicationFactor: 3 }, limits);
    expect(r).toMatchObject({ error: ErrorCode.INVALID_TOPIC, message: expect.stringMatching(/single broker.*replication factor 1/) });
  });

  it('takes range split keys that are strictly increasing, partitions - 1 of them, and copies them', () => {
    const keys = [key('g'), key('p')];
    const r = validateCreateTopic({ name: 't', partitions: 3, partitioning: rafter.Partitioning.RANGE, splitKeys: keys }, limits);
    if ('error' in r) throw new Error(r.message);
    expect(r.splitKeys.map((k) => Buffer.from(k).toString())).toEqual(['g', 'p']);
    keys[0][0] = 0;
    expect(Buffer.from(r.splitKeys[0]).toString()).toBe('g');
  });

  it.each([
    [[key('g')], /needs partitions - 1 = 2/],
    [[key('p'), key('g')], /strictly increasing/],
    [[key('g'), key('g')], /strictly increasing/],
    [[key('a'.repeat(1025)), key('b')], /split key 0 is 1025 bytes, at most 1024/],
  ])('refuses range split keys %#', (splitKeys, why) => {
    const r = validateCreateTopic({ name: 't', partitions: 3, partitioning: rafter.Partitioning.RANGE, splitKeys }, limits);
    expect(r).toMatchObject({ error: ErrorCode.INVALID_TOPIC, message: expect.stringMatching(why) });
  });

  it('bounds what split keys add to every Metadata answer: their total per topic', () => {
    const keys = Array.from({ length: 65 }, (_, i) => key(`${String(i).padStart(3, '0')}${'k'.repeat(1021)}`));
    const r = validateCreateTopic({ name: 't', partitions: 66, partitioning: rafter.Partitioning.RANGE, splitKeys: keys },
      { ...limits, maxPartitionsPerTopic: 128 });
    expect(r).toMatchObject({ error: ErrorCode.INVALID_TOPIC, message: expect.stringMatching(/split keys total 66560 bytes, at most 65536/) });
  });

  it('refuses split keys on a hash topic, unknown partitioning and oversized or negative config', () => {
    const bad: rafter.ICreateTopicRequest[] = [
      { name: 't', partitions: 2, splitKeys: [key('a')] },
      { name: 't', partitions: 2, partitioning: 7 as rafter.Partitioning },
      { name: 't', partitions: 1, config: { maxMessageBytes: (8 << 20) + 1 } },
      { name: 't', partitions: 1, config: { retentionMs: -5 } },
      { name: 'bad name', partitions: 1 },
    ];
    for (const request of bad) expect(validateCreateTopic(request, limits)).toMatchObject({ error: ErrorCode.INVALID_TOPIC });
  });
});

describe('topic table encoding', () => {
  it('starts partition groups at 1 (group 0 is the controller) and round-trips every field', () => {
    expect(decodeTopicTable(undefined)).toEqual({ nextGroupId: FIRST_PARTITION_GROUP_ID, topics: [] });
    expect(FIRST_PARTITION_GROUP_ID).toBe(1);
    const spec = validateCreateTopic({ name: 'r', partitions: 3, partitioning: rafter.Partitioning.RANGE, splitKeys: [key('\u0000x'), key('m')],
      config: { retentionMs: 1000, retentionBytes: 2048, maxMessageBytes: 4096 } }, limits);
    if ('error' in spec) throw new Error(spec.message);
    const state = { nextGroupId: 4, topics: [{ spec, groupIds: [1, 2, 3], createdAtMs: 1700000000000 }] };
    expect(decodeTopicTable(encodeTopicTable(state))).toEqual(state);
  });
});
