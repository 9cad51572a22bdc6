// The SDK's typed errors. Every failure a caller can see is a RafterError that says whether retrying may help
// (`retriable`) and whether a failed write may nevertheless have been stored (`persisted`). Broker error codes come
// from the one table in client/protocol/errors.ts; client-side failures (connection, timeout, closed, bad argument)
// get their own classes. Retriable is opt-in: a RafterError retries only if its row or class says so.
import { ErrorCode, errorName, errorRule } from './protocol';

/** A broker ErrorCode name, or one of the client-side failure codes below. */
export type RafterErrorCode =
  | keyof typeof ErrorCode
  | 'CONNECTION_ERROR'
  | 'REQUEST_TIMEOUT'
  | 'DELIVERY_TIMEOUT'
  | 'CLIENT_CLOSED'
  | 'INVALID_ARGUMENT'
  | 'BUFFER_FULL'
  | 'INVARIANT_VIOLATION';

export type Persisted = 'no' | 'maybe';

export interface RafterErrorOptions {
  code: RafterErrorCode;
  retriable?: boolean;
  persisted?: Persisted;
  /** The client's view of the cluster is stale: refresh metadata before retrying. */
  refreshMetadata?: boolean;
  cause?: unknown;
}

export class RafterError extends Error {
  readonly code: RafterErrorCode;
  readonly retriable: boolean;
  readonly persisted: Persisted;
  readonly refreshMetadata: boolean;

  constructor(message: string, options: RafterErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Matching by `instanceof` or `code`, never by a hand-written name string.
    this.name = new.target.name;
    this.code = options.code;
    this.retriable = options.retriable ?? false;
    this.persisted = options.persisted ?? 'no';
    this.refreshMetadata = options.refreshMetadata ?? false;
  }
}

/** Where a broker-side error happened, when it concerns one partition. */
export interface PartitionRef {
  topic: string;
  partition: number;
}

/** A broker answered with an error code from the shared table. */
export class RafterProtocolError extends RafterError {
  /** The numeric wire code (`code` holds its name). */
  readonly errorCode: ErrorCode;
  readonly brokerMessage: string;
  readonly topic?: string;
  readonly partition?: number;

  constructor(errorCode: ErrorCode, brokerMessage = '', where?: Partial<PartitionRef>, cause?: unknown) {
    const rule = errorRule(errorCode);
    const name = errorName(errorCode) as keyof typeof ErrorCode;
    const at = where?.topic === undefined ? '' : ` (${where.topic}${where.partition === undefined ? '' : `/${where.partition}`})`;
    super(`${name}${at}: ${brokerMessage || rule.description}`, {
      code: name in ErrorCode ? name : 'UNKNOWN',
      retriable: rule.retriable,
      persisted: rule.persisted,
      refreshMetadata: rule.refreshMetadata,
      cause,
    });
    this.errorCode = errorCode;
    this.brokerMessage = brokerMessage;
    this.topic = where?.topic;
    this.partition = where?.partition;
  }
}

/** NOT_LEADER, with the leader the broker named (-1 when it does not know one). */
export class NotLeaderError extends RafterProtocolError {
  readonly leaderId: number;

  constructor(leaderId: number, brokerMessage = '', where?: Partial<PartitionRef>) {
    super(ErrorCode.NOT_LEADER, brokerMessage, where);
    this.leaderId = leaderId;
  }
}

export class OffsetOutOfRangeError extends RafterProtocolError {
  readonly offset: number;

  constructor(offset: number, brokerMessage = '', where?: Partial<PartitionRef>) {
    super(ErrorCode.OFFSET_OUT_OF_RANGE, brokerMessage || `offset ${offset} is out of range`, where);
    this.offset = offset;
  }
}

/**
 * A fetched batch the consumer cannot decode (CRC mismatch, a header that contradicts its records, records that do
 * not parse). The records before it were delivered; nothing from it or after it was, and the partition stops at it
 * until a seek: skipping it is the application's decision.
 */
export class CorruptBatchError extends RafterProtocolError {
  /** The batch's base offset as stored (or, with an unreadable header, the offset the batch was expected at). */
  readonly baseOffset: number;
  readonly reason: string;

  constructor(where: PartitionRef, baseOffset: number, reason: string) {
    super(ErrorCode.CORRUPT_BATCH, `the batch at offset ${baseOffset} cannot be decoded: ${reason}`, where);
    this.baseOffset = baseOffset;
    this.reason = reason;
  }
}

/** Builds the most specific error class for a wire code. */
export function createErrorFromCode(
  code: ErrorCode,
  brokerMessage = '',
  details: Partial<PartitionRef> & { leaderId?: number; offset?: number } = {},
): RafterProtocolError {
  const where = { topic: details.topic, partition: details.partition };
  switch (code) {
    case ErrorCode.NOT_LEADER:
      return new NotLeaderError(details.leaderId ?? -1, brokerMessage, where);
    case ErrorCode.OFFSET_OUT_OF_RANGE:
      return new OffsetOutOfRangeError(details.offset ?? -1, brokerMessage, where);
    default:
      return new RafterProtocolError(code, brokerMessage, where);
  }
}

/**
 * The connection to a broker failed or was lost. `persisted` is 'maybe' when the request had already been written
 * to the socket (the broker may have acted on it), 'no' when it never left the client.
 */
export class RafterConnectionError extends RafterError {
  readonly broker: string;

  constructor(message: string, broker: string, options: { persisted?: Persisted; retriable?: boolean; cause?: unknown } = {}) {
    super(`${message} (broker ${broker})`, {
      code: 'CONNECTION_ERROR',
      retriable: options.retriable ?? true,
      persisted: options.persisted ?? 'no',
      refreshMetadata: true,
      cause: options.cause,
    });
    this.broker = broker;
  }
}

/** No response within the request timeout. The broker may still act on the request. */
export class RafterRequestTimeoutError extends RafterError {
  readonly broker: string;
  readonly correlationId: number;
  readonly timeoutMs: number;

  constructor(broker: string, correlationId: number, timeoutMs: number) {
    super(`request ${correlationId} to ${broker} got no response within ${timeoutMs} ms`, {
      code: 'REQUEST_TIMEOUT',
      retriable: true,
      persisted: 'maybe',
    });
    this.broker = broker;
    this.correlationId = correlationId;
    this.timeoutMs = timeoutMs;
  }
}

/** A record could not be delivered within the producer's deliveryTimeoutMs; `cause` is the last failure seen. */
export class RafterDeliveryTimeoutError extends RafterError {
  constructor(deliveryTimeoutMs: number, persisted: Persisted, cause?: unknown) {
    const last = cause instanceof Error ? `: ${cause.message}` : '';
    super(`record not delivered within deliveryTimeoutMs=${deliveryTimeoutMs}${last}`, {
      code: 'DELIVERY_TIMEOUT',
      retriable: false,
      persisted,
      cause,
    });
  }
}

export class RafterClosedError extends RafterError {
  constructor(what: string, persisted: Persisted = 'no') {
    super(`${what} is closed`, { code: 'CLIENT_CLOSED', persisted });
  }
}

/** An option or argument is invalid; `field` names it. Thrown synchronously where the value is given. */
export class RafterInvalidArgumentError extends RafterError {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { code: 'INVALID_ARGUMENT' });
    this.field = field;
  }
}

/** A bounded buffer is full and the caller asked not to wait. */
export class RafterBufferFullError extends RafterError {
  constructor(message: string) {
    super(message, { code: 'BUFFER_FULL', retriable: true });
  }
}

/** Something the SDK assumed cannot happen did: most likely a bug in Rafter (or a broker breaking the protocol). */
export class RafterInvariantError extends RafterError {
  constructor(message: string, cause?: unknown) {
    super(`${message} (this is likely a bug in Rafter)`, { code: 'INVARIANT_VIOLATION', cause });
  }
}

/** Whether retrying after `error` may succeed. Plain JS errors (TypeError, ...) are programming errors: never. */
export function isRetriable(error: unknown): boolean {
  return error instanceof RafterError && error.retriable;
}
