// The controller's commands as TypeScript values, and their encoding as Raft entries (controller.proto).
//
// Decoding trusts nothing beyond the protobuf framing: an entry that does not decode to a well-formed command becomes
// an error value, never an exception, because every broker applies the same entry and must reject it the same way
// instead of crashing its apply loop. Decoded split keys are views into the entry's bytes; apply copies what it keeps.
import '../../client/protocol/numbers-not-longs';
import { ErrorCode, rafter as wire } from '../../client/protocol';
import type { TopicError, TopicSpec } from '../topics';
import { rafter as generated } from './generated/controller';

const pb = generated.controller;

/** A broker as it registers: where clients and peers reach it. rack '' means none. */
export interface BrokerAddress {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string;
}

/** Replica broker ids of each partition, in partition order; the first replica of each is its preferred leader. */
export type Placement = readonly (readonly number[])[];

export type ControllerCommand =
  | { readonly kind: 'register-broker'; readonly atMs: number; readonly broker: BrokerAddress }
  | { readonly kind: 'broker-heartbeat'; readonly atMs: number; readonly brokerId: number }
  | { readonly kind: 'create-topic'; readonly atMs: number; readonly spec: TopicSpec; readonly placement: Placement }
  | { readonly kind: 'delete-topic'; readonly atMs: number; readonly name: string };

export function encodeCommand(command: ControllerCommand): Uint8Array {
  const atMs = command.atMs;
  switch (command.kind) {
    case 'register-broker':
      return pb.ControllerCommand.encode({ atMs, registerBroker: { ...command.broker } }).finish();
    case 'broker-heartbeat':
      return pb.ControllerCommand.encode({ atMs, brokerHeartbeat: { id: command.brokerId } }).finish();
    case 'delete-topic':
      return pb.ControllerCommand.encode({ atMs, deleteTopic: { name: command.name } }).finish();
    case 'create-topic': {
      const { spec } = command;
      return pb.ControllerCommand.encode({
        atMs,
        createTopic: {
          name: spec.name,
          partitions: spec.partitions,
          replicationFactor: spec.replicationFactor,
          partitioning: spec.partitioning,
          splitKeys: spec.splitKeys,
          config: { ...spec.config },
          placement: command.placement.map((replicas) => ({ replicas: [...replicas] })),
        },
      }).finish();
    }
  }
}

const malformed = (message: string): TopicError => ({ error: ErrorCode.INVALID_REQUEST, message: `malformed controller command: ${message}` });

export function isPartitioning(value: number): value is wire.Partitioning {
  return value === wire.Partitioning.HASH || value === wire.Partitioning.RANGE;
}

export function decodeCommand(data: Uint8Array): ControllerCommand | TopicError {
  let message: generated.controller.ControllerCommand;
  try {
    message = pb.ControllerCommand.decode(data);
  } catch (err) {
    return malformed((err as Error).message);
  }
  const atMs = message.atMs;
  switch (message.command) {
    case 'registerBroker': {
      const b = message.registerBroker!;
      return { kind: 'register-broker', atMs, broker: { id: b.id ?? 0, host: b.host ?? '', port: b.port ?? 0, rack: b.rack ?? '' } };
    }
    case 'brokerHeartbeat':
      return { kind: 'broker-heartbeat', atMs, brokerId: message.brokerHeartbeat!.id ?? 0 };
    case 'deleteTopic':
      return { kind: 'delete-topic', atMs, name: message.deleteTopic!.name ?? '' };
    case 'createTopic': {
      const t = message.createTopic!;
      const partitioning = t.partitioning ?? 0;
      if (!isPartitioning(partitioning)) return malformed(`unknown partitioning ${partitioning}`);
      const config = t.config ?? {};
      return {
        kind: 'create-topic',
        atMs,
        spec: {
          name: t.name ?? '',
          partitions: t.partitions ?? 0,
          replicationFactor: t.replicationFactor ?? 0,
          partitioning,
          splitKeys: t.splitKeys ?? [],
          config: {
            retentionMs: config.retentionMs ?? 0,
            retentionBytes: config.retentionBytes ?? 0,
            maxMessageBytes: config.maxMessageBytes ?? 0,
          },
        },
        placement: (t.placement ?? []).map((p) => p.replicas ?? []),
      };
    }
    default:
      return malformed('no command');
  }
}

const MAX_BROKER_ID = 2 ** 31 - 1;
const isBrokerIdValue = (id: number) => Number.isInteger(id) && id >= 1 && id <= MAX_BROKER_ID;

/**
 * Why a group 0 entry from a peer is no command a controller leader proposes, or undefined: it must decode to a
 * command of a known kind whose numbers are what apply can hold (a time below 2^53, broker ids in their range, one
 * replica list per partition). Whether it applies (the topic exists, the brokers are registered) is apply's to say,
 * the same on every broker; this only keeps out what no leader of ours ever wrote. Empty entries are a new leader's.
 */
export function controllerEntryProblem(data: Uint8Array): string | undefined {
  if (data.length === 0) return undefined;
  const command = decodeCommand(data);
  if ('error' in command) return command.message;
  if (!Number.isSafeInteger(command.atMs)) return `controller command time ${command.atMs} is beyond 2^53`;
  switch (command.kind) {
    case 'register-broker':
      return isBrokerIdValue(command.broker.id) ? undefined : `register-broker names broker ${command.broker.id}`;
    case 'broker-heartbeat':
      return isBrokerIdValue(command.brokerId) ? undefined : `broker-heartbeat names broker ${command.brokerId}`;
    case 'delete-topic':
      return undefined;
    case 'create-topic': {
      const { spec, placement } = command;
      if (placement.length !== spec.partitions) return `create-topic places ${placement.length} of ${spec.partitions} partitions`;
      const bad = placement.findIndex((replicas) => replicas.some((id) => !isBrokerIdValue(id)));
      return bad < 0 ? undefined : `create-topic partition ${bad} names replicas ${placement[bad].join(',')}`;
    }
  }
}
