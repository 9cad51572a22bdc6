// What the controller leader does with an admin request before proposing it: validate against its limits and the
// state it has applied, decide the placement and stamp its time, so that the command it proposes applies the same
// everywhere. A later command can still get in first (another creation of the same name); apply catches that.
import { ErrorCode, type rafter } from '../../client/protocol';
import { validateCreateTopic, type TopicError, type TopicLimits } from '../topics';
import type { ControllerCommand } from './commands';
import type { ControllerState } from './controller-state';
import { placeReplicas } from './placement';

/** The topic limits of the controller leader's configuration; the broker count comes from the live brokers. */
export type ControllerTopicLimits = Omit<TopicLimits, 'brokerCount'>;

export function planCreateTopic(
  state: ControllerState, request: rafter.ICreateTopicRequest, limits: ControllerTopicLimits, nowMs: number,
): ControllerCommand | TopicError {
  const alive = state.aliveBrokers(nowMs);
  const spec = validateCreateTopic(request, { ...limits, brokerCount: alive.length });
  if ('error' in spec) return spec;
  if (state.topic(spec.name)) return { error: ErrorCode.TOPIC_ALREADY_EXISTS, message: `topic "${spec.name}" already exists` };
  const placement = placeReplicas({
    topic: spec.name,
    partitions: spec.partitions,
    replicationFactor: spec.replicationFactor,
    brokers: alive,
    load: state.brokerLoad(),
  });
  if ('error' in placement) return placement;
  return { kind: 'create-topic', atMs: nowMs, spec, placement };
}

export function planDeleteTopic(state: ControllerState, name: string, nowMs: number): ControllerCommand | TopicError {
  if (!state.topic(name)) return { error: ErrorCode.UNKNOWN_TOPIC, message: `topic "${name}" does not exist` };
  return { kind: 'delete-topic', atMs: nowMs, name };
}
