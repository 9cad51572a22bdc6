// One table of error codes for broker and SDK: what each means and what a client does about it.
import { rafter } from './codec';

export const ErrorCode = rafter.ErrorCode;
export type ErrorCode = rafter.ErrorCode;

export interface ErrorRule {
  /** Retrying the same request may succeed. */
  readonly retriable: boolean;
  /** The client's view of the cluster is stale: refresh metadata before retrying. */
  readonly refreshMetadata: boolean;
  /** Whether a failed write may nevertheless have been stored ('maybe') or certainly was not ('no'). */
  readonly persisted: 'no' | 'maybe';
  readonly description: string;
}

const rule = (retriable: boolean, refreshMetadata: boolean, persisted: 'no' | 'maybe', description: string): ErrorRule =>
  ({ retriable, refreshMetadata, persisted, description });

export const ERROR_RULES: Readonly<Record<ErrorCode, ErrorRule>> = {
  [ErrorCode.NONE]: rule(false, false, 'no', 'no error'),
  [ErrorCode.UNKNOWN]: rule(false, false, 'maybe', 'unexpected broker error'),
  [ErrorCode.INVALID_REQUEST]: rule(false, false, 'no', 'the request is malformed or contradictory'),
  [ErrorCode.FRAME_TOO_LARGE]: rule(false, false, 'no', 'the frame exceeds the broker\'s maximum frame size'),
  [ErrorCode.UNKNOWN_TOPIC]: rule(true, true, 'no', 'the topic does not exist'),
  [ErrorCode.UNKNOWN_PARTITION]: rule(true, true, 'no', 'the partition does not exist'),
  [ErrorCode.TOPIC_ALREADY_EXISTS]: rule(false, false, 'no', 'a topic with this name exists'),
  [ErrorCode.INVALID_TOPIC]: rule(false, false, 'no', 'invalid topic name, partition count, split keys or config'),
  [ErrorCode.OFFSET_OUT_OF_RANGE]: rule(false, false, 'no', 'the offset is before the log start or after the log end'),
  [ErrorCode.MESSAGE_TOO_LARGE]: rule(false, false, 'no', 'the batch exceeds the topic\'s maximum message size'),
  [ErrorCode.CORRUPT_BATCH]: rule(false, false, 'no', 'the batch is malformed: its header, CRC or records do not hold together'),
  // 'maybe': a leader that loses leadership answers the writes it had proposed with it, and they may still commit.
  [ErrorCode.NOT_LEADER]: rule(true, true, 'maybe', 'this broker does not lead the partition'),
  [ErrorCode.LEADER_NOT_AVAILABLE]: rule(true, true, 'no', 'the partition has no leader yet'),
  [ErrorCode.NOT_ENOUGH_REPLICAS]: rule(true, false, 'no', 'too few in-sync replicas to accept acks=all'),
  [ErrorCode.REQUEST_TIMED_OUT]: rule(true, false, 'maybe', 'the request timed out; a write may still commit'),
  [ErrorCode.BROKER_SHUTTING_DOWN]: rule(true, true, 'no', 'the broker is shutting down'),
  [ErrorCode.DUPLICATE_SEQUENCE]: rule(false, false, 'maybe', 'this batch was already written, too long ago for its offset to be known'),
  [ErrorCode.OUT_OF_ORDER_SEQUENCE]: rule(false, false, 'no', 'a gap in the producer\'s sequence numbers'),
  [ErrorCode.STORAGE_ERROR]: rule(true, false, 'no', 'the broker failed to write to disk'),
  [ErrorCode.NOT_CONTROLLER]: rule(true, true, 'no', 'this broker is not the controller'),
  [ErrorCode.UNAUTHORIZED]: rule(false, false, 'no', 'not authorized'),
  [ErrorCode.UNSUPPORTED]: rule(false, false, 'no', 'the broker does not support this request'),
  [ErrorCode.PRODUCER_FENCED]: rule(false, false, 'no', 'a newer instance (epoch) of this producer id exists'),
  [ErrorCode.UNKNOWN_PRODUCER_ID]: rule(false, false, 'no', 'the producer id does not belong to this request\'s producer token'),
  [ErrorCode.INVALID_PRODUCER_EPOCH]: rule(false, false, 'no', 'InitProducerId never issued this epoch for the producer id'),
};

export function errorName(code: ErrorCode): string {
  return ErrorCode[code] ?? `ERROR_${code}`;
}

export function errorRule(code: ErrorCode): ErrorRule {
  return ERROR_RULES[code] ?? ERROR_RULES[ErrorCode.UNKNOWN];
}
