// The cluster as clients and dashboards see it: the controller state says where each partition lives, and each
// partition's Raft group says who leads it now, which the controller does not replicate (it changes with every
// election). The caller passes that in as a lookup by group id.
import { ErrorCode, type rafter } from '../../client/protocol';
import { topicMetadataOf } from '../topics';
import type { ClusterTopic, ControllerState } from './controller-state';

export interface PartitionLeadership {
  /** The current leader, or 0 / negative when none is known (an election is under way). */
  readonly leaderId: number;
  /** The leader's Raft term. */
  readonly leaderEpoch: number;
  /** The replicas caught up with the leader, the leader included. */
  readonly inSyncReplicas: readonly number[];
}

/** Leadership of a partition's Raft group; undefined when nothing is known of it. */
export type LeadershipLookup = (groupId: number) => PartitionLeadership | undefined;

/** The wire's "no leader". */
export const NO_LEADER_ID = -1;

function leaderOf(leadership: PartitionLeadership | undefined): number {
  return leadership && leadership.leaderId > 0 ? leadership.leaderId : NO_LEADER_ID;
}

export function topicMetadata(topic: ClusterTopic, leadership: LeadershipLookup): rafter.ITopicMetadata {
  return topicMetadataOf(topic.spec, topic.partitions.map((p) => {
    const known = leadership(p.groupId);
    const leaderId = leaderOf(known);
    return {
      partition: p.partition,
      error: leaderId === NO_LEADER_ID ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
      leaderId,
      replicas: [...p.replicas],
      inSyncReplicas: leaderId === NO_LEADER_ID ? [] : [...(known?.inSyncReplicas ?? [])],
      leaderEpoch: leaderId === NO_LEADER_ID ? 0 : known?.leaderEpoch ?? 0,
    };
  }));
}

export interface MetadataOptions {
  /** Requested topics; empty: all of them. */
  readonly topics?: readonly string[];
  /** The controller leader's broker id, or NO_LEADER_ID while group 0 has none. */
  readonly controllerId: number;
  readonly clusterId: string;
  /** Liveness is judged at this time; the state's clock by default. */
  readonly nowMs?: number;
}

/**
 * A MetadataResponse: the live brokers — plus any broker named as a partition's current leader, so that a client
 * can always reach a leader it is told about even while its heartbeats lag — and the requested topics, unknown
 * ones with UNKNOWN_TOPIC.
 */
export function metadataResponse(state: ControllerState, leadership: LeadershipLookup, options: MetadataOptions): rafter.IMetadataResponse {
  const names = options.topics ?? [];
  const topics = names.length === 0
    ? state.topics().map((t) => topicMetadata(t, leadership))
    : names.map((name) => {
      const topic = state.topic(name);
      return topic ? topicMetadata(topic, leadership) : { name, error: ErrorCode.UNKNOWN_TOPIC };
    });
  const listed = new Set(state.aliveBrokers(options.nowMs).map((b) => b.id));
  for (const t of topics) for (const p of t.partitions ?? []) if (p.leaderId !== NO_LEADER_ID) listed.add(p.leaderId ?? NO_LEADER_ID);
  const brokers = state.brokers()
    .filter((b) => listed.has(b.id))
    .map((b) => ({ id: b.id, host: b.host, port: b.port, rack: b.rack }));
  return { brokers, controllerId: options.controllerId, topics, clusterId: options.clusterId };
}

export interface ClusterHealth {
  readonly brokersRegistered: number;
  readonly brokersAlive: number;
  readonly topics: number;
  readonly partitions: number;
  /** A leader is known but fewer replicas than the replication factor are in sync with it. */
  readonly underReplicatedPartitions: number;
  /** No leader known: the partition takes no writes or reads. */
  readonly offlinePartitions: number;
  /** Led by a broker other than the preferred leader (the first replica). */
  readonly partitionsOffPreferredLeader: number;
  /** partitionsOffPreferredLeader over the partitions that have a leader; 0 when none has. */
  readonly leaderImbalanceRatio: number;
  /** Partitions each broker currently leads (brokers leading none are absent). */
  readonly leadersPerBroker: ReadonlyMap<number, number>;
}

export function clusterHealth(state: ControllerState, leadership: LeadershipLookup, nowMs?: number): ClusterHealth {
  let partitions = 0;
  let underReplicated = 0;
  let offline = 0;
  let offPreferred = 0;
  const leadersPerBroker = new Map<number, number>();
  const topics = state.topics();
  for (const topic of topics) {
    for (const p of topic.partitions) {
      partitions += 1;
      const known = leadership(p.groupId);
      const leaderId = leaderOf(known);
      if (leaderId === NO_LEADER_ID) {
        offline += 1;
        continue;
      }
      leadersPerBroker.set(leaderId, (leadersPerBroker.get(leaderId) ?? 0) + 1);
      const inSync = new Set(known?.inSyncReplicas ?? []).add(leaderId);
      if (p.replicas.some((r) => !inSync.has(r))) underReplicated += 1;
      if (leaderId !== p.replicas[0]) offPreferred += 1;
    }
  }
  const led = partitions - offline;
  return {
    brokersRegistered: state.brokers().length,
    brokersAlive: state.aliveBrokers(nowMs).length,
    topics: topics.length,
    partitions,
    underReplicatedPartitions: underReplicated,
    offlinePartitions: offline,
    partitionsOffPreferredLeader: offPreferred,
    leaderImbalanceRatio: led === 0 ? 0 : offPreferred / led,
    leadersPerBroker,
  };
}
