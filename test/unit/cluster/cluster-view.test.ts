import { ErrorCode, rafter } from '../../../client/protocol';
import {
  clusterHealth, metadataResponse, topicMetadata, NO_LEADER_ID, type PartitionLeadership,
} from '../../../broker/cluster';
import { createTopic, stateWithBrokers } from './fixture';

const lookup = (byGroup: Record<number, PartitionLeadership>) => (groupId: number) => byGroup[groupId];

describe('cluster view', () => {
  it('derives topic metadata: replicas from placement, leader, epoch and ISR from the partition\'s Raft group', () => {
    const state = stateWithBrokers(3);
    expect(state.apply({
      kind: 'create-topic', atMs: 1_000, placement: [[1, 2], [2, 3], [3, 1]],
      spec: {
        name: 'ranged', partitions: 3, replicationFactor: 2, partitioning: rafter.Partitioning.RANGE,
        splitKeys: [Buffer.from('h'), Buffer.from('q')], config: { retentionMs: 1_000, retentionBytes: 0, maxMessageBytes: 2048 },
      },
    })).toBeUndefined();
    const leaders = lookup({
      1: { leaderId: 1, leaderEpoch: 4, inSyncReplicas: [1, 2] },
      2: { leaderId: 3, leaderEpoch: 7, inSyncReplicas: [3] },
      3: { leaderId: 0, leaderEpoch: 9, inSyncReplicas: [1] },      // election under way
    });
    const metadata = topicMetadata(state.topic('ranged')!, leaders);
    expect(metadata).toEqual({
      name: 'ranged', error: ErrorCode.NONE, partitioning: rafter.Partitioning.RANGE, replicationFactor: 2,
      splitKeys: [expect.anything(), expect.anything()],
      config: { retentionMs: 1_000, retentionBytes: 0, maxMessageBytes: 2048 },
      partitions: [
        { partition: 0, error: ErrorCode.NONE, leaderId: 1, replicas: [1, 2], inSyncReplicas: [1, 2], leaderEpoch: 4 },
        { partition: 1, error: ErrorCode.NONE, leaderId: 3, replicas: [2, 3], inSyncReplicas: [3], leaderEpoch: 7 },
        { partition: 2, error: ErrorCode.LEADER_NOT_AVAILABLE, leaderId: NO_LEADER_ID, replicas: [3, 1], inSyncReplicas: [], leaderEpoch: 0 },
      ],
    });
    expect(metadata.splitKeys!.map((k) => Buffer.from(k).toString())).toEqual(['h', 'q']);
    // The derived response encodes as a wire frame.
    const frame = rafter.Frame.decode(rafter.Frame.encode({ correlationId: 1, metadataResponse: { topics: [metadata] } }).finish());
    expect(frame.metadataResponse?.topics?.[0]?.partitions?.[1]?.leaderId).toBe(3);
  });

  it('answers a MetadataResponse: live brokers plus any broker named leader, requested topics, unknown ones flagged', () => {
    const state = stateWithBrokers(3, 2);
    createTopic(state, 'a', [[1, 2]]);
    createTopic(state, 'b', [[3, 1]]);
    expect(state.apply({ kind: 'broker-heartbeat', atMs: 7_000, brokerId: 1 })).toBeUndefined();
    expect(state.apply({ kind: 'broker-heartbeat', atMs: 7_000, brokerId: 2 })).toBeUndefined();
    // Broker 3's heartbeats lag (last at 1000, clock 7000) but it still leads b/0: clients must be able to reach it.
    const leaders = lookup({ 1: { leaderId: 2, leaderEpoch: 1, inSyncReplicas: [2] }, 2: { leaderId: 3, leaderEpoch: 1, inSyncReplicas: [3, 1] } });

    const all = metadataResponse(state, leaders, { controllerId: 1, clusterId: 'c-1' });
    expect(all.brokers).toEqual([
      { id: 1, host: 'b1.local', port: 9001, rack: 'r1' },
      { id: 2, host: 'b2.local', port: 9002, rack: 'r0' },
      { id: 3, host: 'b3.local', port: 9003, rack: 'r1' },
    ]);
    expect(all.topics?.map((t) => t.name)).toEqual(['a', 'b']);
    expect(all).toMatchObject({ controllerId: 1, clusterId: 'c-1' });

    const some = metadataResponse(state, leaders, { controllerId: 1, clusterId: 'c-1', topics: ['a', 'nope'] });
    expect(some.brokers?.map((b) => b.id)).toEqual([1, 2]);
    expect(some.topics).toEqual([expect.objectContaining({ name: 'a', error: ErrorCode.NONE }), { name: 'nope', error: ErrorCode.UNKNOWN_TOPIC }]);
  });

  it('computes health figures: alive brokers, under-replicated, offline, off-preferred-leader partitions', () => {
    const state = stateWithBrokers(4);
    createTopic(state, 'x', [[1, 2, 3], [2, 3, 4], [3, 4, 1], [4, 1, 2]]);   // groups 1-4
    createTopic(state, 'y', [[1, 2]]);                                      // group 5
    expect(state.apply({ kind: 'broker-heartbeat', atMs: 6_500, brokerId: 1 })).toBeUndefined();
    const health = clusterHealth(state, lookup({
      1: { leaderId: 1, leaderEpoch: 1, inSyncReplicas: [1, 2, 3] },          // healthy, preferred
      2: { leaderId: 3, leaderEpoch: 2, inSyncReplicas: [3, 4, 2] },          // off preferred
      3: { leaderId: 3, leaderEpoch: 1, inSyncReplicas: [3, 4] },             // under-replicated
      // 4: nothing known: offline
      5: { leaderId: 2, leaderEpoch: 3, inSyncReplicas: [] },                 // off preferred, under-replicated
    }));
    expect(health).toEqual({
      brokersRegistered: 4,
      brokersAlive: 1,
      topics: 2,
      partitions: 5,
      underReplicatedPartitions: 2,
      offlinePartitions: 1,
      partitionsOffPreferredLeader: 2,
      leaderImbalanceRatio: 0.5,
      leadersPerBroker: new Map([[1, 1], [3, 2], [2, 1]]),
    });
    expect(clusterHealth(stateWithBrokers(1), () => undefined)).toMatchObject({ partitions: 0, leaderImbalanceRatio: 0, brokersAlive: 1 });
  });
});
