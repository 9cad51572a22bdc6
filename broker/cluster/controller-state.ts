// The controller's state machine: what Raft group 0 replicates. Every broker applies the committed entries of group
// 0 here in log order, and since apply reads nothing but the entry and the state (times and placement come inside
// the commands, group ids from a counter in the state), every broker holds the same brokers, topics and placement.
//
// A command that cannot apply (a topic that exists already, a heartbeat from a broker never registered) leaves the
// state unchanged and returns its error, the same on every broker; the broker that proposed it answers the admin
// request with that error.
import { ErrorCode, rafter as wire } from '../../client/protocol';
import { FIRST_PARTITION_GROUP_ID, topicNameProblem, type TopicError, type TopicSpec } from '../topics';
import { decodeCommand, isPartitioning, type BrokerAddress, type ControllerCommand, type Placement } from './commands';
import { rafter as generated } from './generated/controller';
import { countLoad, type BrokerLoad } from './placement';

const pb = generated.controller;

/** Bumped when the snapshot's meaning changes; restore refuses versions it does not know. */
export const CONTROLLER_SNAPSHOT_VERSION = 1;

/** Raft group 0 is the controller's own; partitions' groups are numbered from FIRST_PARTITION_GROUP_ID up. */
export const CONTROLLER_GROUP_ID = 0;

export interface ControllerStateOptions {
  /**
   * A broker whose last heartbeat is older than this, on the state's clock, counts as dead. Only derived views use
   * it (nothing stored depends on it), so brokers configured differently still hold identical state.
   */
  livenessTimeoutMs: number;
}

export interface BrokerRecord extends BrokerAddress {
  readonly registeredAtMs: number;
  readonly lastHeartbeatMs: number;
}

export interface PartitionPlacement {
  readonly partition: number;
  /** The partition's Raft group: allocated once, never reused, even after the topic is deleted. */
  readonly groupId: number;
  /** Broker ids; the first is the preferred leader. */
  readonly replicas: readonly number[];
}

export interface ClusterTopic {
  readonly spec: TopicSpec;
  readonly partitions: readonly PartitionPlacement[];
  readonly createdAtMs: number;
}

export class ControllerState {
  private readonly brokerTable = new Map<number, BrokerRecord>();
  private readonly topicTable = new Map<string, ClusterTopic>();
  private clock = 0;
  private groupCounter = FIRST_PARTITION_GROUP_ID;

  constructor(private readonly options: ControllerStateOptions) {
    if (!(options.livenessTimeoutMs > 0)) throw new Error(`livenessTimeoutMs must be positive, got ${options.livenessTimeoutMs}`);
  }

  /** The largest leader time applied so far: the clock liveness is measured on. */
  get clockMs(): number {
    return this.clock;
  }

  /** The group id the next partition will get. */
  get nextGroupId(): number {
    return this.groupCounter;
  }

  get livenessTimeoutMs(): number {
    return this.options.livenessTimeoutMs;
  }

  /** Applies one committed entry of group 0. Empty entries (a new leader's no-op) change nothing. */
  applyEntry(data: Uint8Array): TopicError | undefined {
    if (data.length === 0) return undefined;
    const command = decodeCommand(data);
    if ('error' in command) return command;
    return this.apply(command);
  }

  /** Applies a command; returns why it could not, or undefined when it did. */
  apply(command: ControllerCommand): TopicError | undefined {
    // Even a command that fails to apply was proposed at atMs: the clock moves the same on every broker either way.
    if (Number.isSafeInteger(command.atMs) && command.atMs > this.clock) this.clock = command.atMs;
    switch (command.kind) {
      case 'register-broker':
        return this.applyRegisterBroker(command.broker);
      case 'broker-heartbeat':
        return this.applyHeartbeat(command.brokerId);
      case 'create-topic':
        return this.applyCreateTopic(command.spec, command.placement);
      case 'delete-topic':
        return this.applyDeleteTopic(command.name);
    }
  }

  private applyRegisterBroker(address: BrokerAddress): TopicError | undefined {
    if (!isBrokerId(address.id)) return invalidRequest(`broker id must be a positive 31-bit integer, got ${address.id}`);
    if (address.host === '' || !Number.isInteger(address.port) || address.port < 1 || address.port > 65535) {
      return invalidRequest(`broker ${address.id} registered an unusable address ${address.host}:${address.port}`);
    }
    const previous = this.brokerTable.get(address.id);
    this.brokerTable.set(address.id, {
      id: address.id, host: address.host, port: address.port, rack: address.rack,
      registeredAtMs: previous?.registeredAtMs ?? this.clock,
      lastHeartbeatMs: this.clock,
    });
    return undefined;
  }

  private applyHeartbeat(brokerId: number): TopicError | undefined {
    const broker = this.brokerTable.get(brokerId);
    if (!broker) return invalidRequest(`broker ${brokerId} is not registered: it must register before it heartbeats`);
    // The state's clock, not atMs: after a change of leader whose clock is behind, a heartbeat still refreshes.
    this.brokerTable.set(brokerId, { ...broker, lastHeartbeatMs: this.clock });
    return undefined;
  }

  /**
   * The leader validated the spec against its limits before proposing (limits are per-broker configuration, so apply
   * must not depend on them). Apply checks what the state decides: the name is free — two creations of one name can
   * both pass validation before either commits — and the placement names registered brokers in the right shape.
   */
  private applyCreateTopic(spec: TopicSpec, placement: Placement): TopicError | undefined {
    const nameProblem = topicNameProblem(spec.name);
    if (nameProblem) return { error: ErrorCode.INVALID_TOPIC, message: nameProblem };
    if (this.topicTable.has(spec.name)) return { error: ErrorCode.TOPIC_ALREADY_EXISTS, message: `topic "${spec.name}" already exists` };
    const placementProblem = this.placementProblem(spec, placement);
    if (placementProblem) return { error: ErrorCode.INVALID_TOPIC, message: `topic "${spec.name}": ${placementProblem}` };
    const partitions = placement.map((replicas, partition) => ({ partition, groupId: this.groupCounter + partition, replicas: [...replicas] }));
    this.groupCounter += spec.partitions;
    this.topicTable.set(spec.name, {
      spec: { ...spec, splitKeys: spec.splitKeys.map((k) => Uint8Array.from(k)), config: { ...spec.config } },
      partitions,
      createdAtMs: this.clock,
    });
    return undefined;
  }

  private placementProblem(spec: TopicSpec, placement: Placement): string | undefined {
    if (spec.partitions < 1 || placement.length !== spec.partitions) {
      return `placement has ${placement.length} partition(s) for ${spec.partitions}`;
    }
    if (spec.partitioning === wire.Partitioning.RANGE && spec.splitKeys.length !== spec.partitions - 1) {
      return `RANGE partitioning needs ${spec.partitions - 1} split keys, got ${spec.splitKeys.length}`;
    }
    for (const [p, replicas] of placement.entries()) {
      if (replicas.length !== spec.replicationFactor) {
        return `partition ${p} has ${replicas.length} replica(s), the replication factor is ${spec.replicationFactor}`;
      }
      if (new Set(replicas).size !== replicas.length) return `partition ${p} names a broker twice`;
      const unknown = replicas.find((id) => !this.brokerTable.has(id));
      if (unknown !== undefined) return `partition ${p} names broker ${unknown}, which is not registered`;
    }
    return undefined;
  }

  private applyDeleteTopic(name: string): TopicError | undefined {
    if (!this.topicTable.delete(name)) return { error: ErrorCode.UNKNOWN_TOPIC, message: `topic "${name}" does not exist` };
    return undefined;
  }

  broker(id: number): BrokerRecord | undefined {
    return this.brokerTable.get(id);
  }

  /** Every registered broker, dead or alive, by id. */
  brokers(): BrokerRecord[] {
    return [...this.brokerTable.values()].sort((a, b) => a.id - b.id);
  }

  /**
   * Whether the broker heartbeated within the liveness timeout of `nowMs`: by default the state's clock (the same on
   * every broker); the leader may pass its own, fresher time.
   */
  isAlive(id: number, nowMs = this.clock): boolean {
    const broker = this.brokerTable.get(id);
    return broker !== undefined && nowMs - broker.lastHeartbeatMs <= this.options.livenessTimeoutMs;
  }

  aliveBrokers(nowMs = this.clock): BrokerRecord[] {
    return this.brokers().filter((b) => this.isAlive(b.id, nowMs));
  }

  topic(name: string): ClusterTopic | undefined {
    return this.topicTable.get(name);
  }

  /** Every topic, by name. */
  topics(): ClusterTopic[] {
    return [...this.topicTable.values()].sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  }

  /** Replicas and preferred leaderships per broker over all topics: what placement balances against. */
  brokerLoad(): Map<number, BrokerLoad> {
    const sets: (readonly number[])[] = [];
    for (const topic of this.topicTable.values()) for (const p of topic.partitions) sets.push(p.replicas);
    return countLoad(sets);
  }

  /** The whole state, canonical: brokers by id and topics by name, so equal states give equal bytes. */
  snapshot(): Uint8Array {
    return pb.ControllerSnapshot.encode({
      version: CONTROLLER_SNAPSHOT_VERSION,
      clockMs: this.clock,
      nextGroupId: this.groupCounter,
      brokers: this.brokers().map((b) => ({ ...b })),
      topics: this.topics().map(({ spec, partitions, createdAtMs }) => ({
        name: spec.name,
        replicationFactor: spec.replicationFactor,
        partitioning: spec.partitioning,
        splitKeys: spec.splitKeys,
        config: { ...spec.config },
        partitions: partitions.map((p) => ({ groupId: p.groupId, replicas: [...p.replicas] })),
        createdAtMs,
      })),
    }).finish();
  }

  /**
   * Replaces the whole state with a snapshot's (a Raft snapshot installed from the leader, or the local one at
   * startup). A snapshot is written by our own code, so one that does not decode or holds nonsense is corruption: it
   * throws, and the state is left as it was. One from a peer is checked (controllerSnapshotProblem) before Raft takes it.
   */
  restore(bytes: Uint8Array): void {
    const s = parseSnapshot(bytes);
    if (typeof s === 'string') throw new Error(s);
    this.brokerTable.clear();
    for (const [id, b] of s.brokers) this.brokerTable.set(id, b);
    this.topicTable.clear();
    for (const [name, t] of s.topics) this.topicTable.set(name, t);
    this.clock = s.clockMs;
    this.groupCounter = s.nextGroupId;
  }
}

/** Why `bytes` is no controller snapshot restore() takes, or undefined. */
export function controllerSnapshotProblem(bytes: Uint8Array): string | undefined {
  const s = parseSnapshot(bytes);
  return typeof s === 'string' ? s : undefined;
}

interface ParsedSnapshot {
  readonly brokers: Map<number, BrokerRecord>;
  readonly topics: Map<string, ClusterTopic>;
  readonly clockMs: number;
  readonly nextGroupId: number;
}

function parseSnapshot(bytes: Uint8Array): ParsedSnapshot | string {
  let s: generated.controller.ControllerSnapshot;
  try {
    s = pb.ControllerSnapshot.decode(bytes);
  } catch (err) {
    return `controller snapshot does not decode: ${(err as Error).message}`;
  }
  if (s.version !== CONTROLLER_SNAPSHOT_VERSION) return `controller snapshot version ${s.version} is not supported`;
  if (s.nextGroupId < FIRST_PARTITION_GROUP_ID) return `controller snapshot: next group id ${s.nextGroupId}`;
  if (!Number.isSafeInteger(s.clockMs)) return `controller snapshot: clock ${s.clockMs} is beyond 2^53`;
  const brokers = new Map<number, BrokerRecord>();
  for (const b of s.brokers) {
    const id = b.id ?? 0;
    if (!isBrokerId(id) || brokers.has(id)) return `controller snapshot: bad or repeated broker id ${id}`;
    brokers.set(id, {
      id, host: b.host ?? '', port: b.port ?? 0, rack: b.rack ?? '',
      registeredAtMs: b.registeredAtMs ?? 0, lastHeartbeatMs: b.lastHeartbeatMs ?? 0,
    });
  }
  const topics = new Map<string, ClusterTopic>();
  const groups = new Set<number>();
  for (const t of s.topics) {
    const name = t.name ?? '';
    const partitioning = t.partitioning ?? 0;
    if (topics.has(name) || topicNameProblem(name)) return `controller snapshot: bad or repeated topic name "${name}"`;
    if (!isPartitioning(partitioning)) return `controller snapshot: topic "${name}" has partitioning ${partitioning}`;
    const partitions: PartitionPlacement[] = [];
    for (const [partition, p] of (t.partitions ?? []).entries()) {
      const groupId = p.groupId ?? 0;
      if (groupId < FIRST_PARTITION_GROUP_ID || groupId >= s.nextGroupId || groups.has(groupId)) {
        return `controller snapshot: topic "${name}" partition ${partition} has group ${groupId}`;
      }
      const replicas = [...(p.replicas ?? [])];
      if (replicas.some((id) => !isBrokerId(id)) || new Set(replicas).size !== replicas.length) {
        return `controller snapshot: topic "${name}" partition ${partition} has replicas ${replicas.join(',')}`;
      }
      groups.add(groupId);
      partitions.push({ partition, groupId, replicas });
    }
    const config = t.config ?? {};
    topics.set(name, {
      spec: {
        name,
        partitions: partitions.length,
        replicationFactor: t.replicationFactor ?? 0,
        partitioning,
        splitKeys: (t.splitKeys ?? []).map((k) => Uint8Array.from(k)),
        config: { retentionMs: config.retentionMs ?? 0, retentionBytes: config.retentionBytes ?? 0, maxMessageBytes: config.maxMessageBytes ?? 0 },
      },
      partitions,
      createdAtMs: t.createdAtMs ?? 0,
    });
  }
  return { brokers, topics, clockMs: s.clockMs, nextGroupId: s.nextGroupId };
}

function isBrokerId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= 2 ** 31 - 1;
}

function invalidRequest(message: string): TopicError {
  return { error: ErrorCode.INVALID_REQUEST, message };
}
