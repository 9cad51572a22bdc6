// Which response body answers which request body: the one place that pairs them, so callers get typed responses.
import { rafter } from '../protocol';

export const RESPONSE_OF = {
  metadataRequest: 'metadataResponse',
  createTopicRequest: 'createTopicResponse',
  listTopicsRequest: 'listTopicsResponse',
  describeTopicRequest: 'describeTopicResponse',
  produceRequest: 'produceResponse',
  fetchRequest: 'fetchResponse',
  listOffsetsRequest: 'listOffsetsResponse',
  initProducerIdRequest: 'initProducerIdResponse',
} as const;

export type RequestKind = keyof typeof RESPONSE_OF;
export type RequestBody<K extends RequestKind> = NonNullable<rafter.Frame.$Properties[K]>;

/**
 * A decoded message as protobufjs returns it: scalars and repeated fields are always present (absent ones read
 * their default from the prototype), nested messages may be null.
 */
export type Decoded<T> = {
  [K in Exclude<keyof T, '$unknowns'>]-?: NonNullable<T[K]> extends Uint8Array
    ? Uint8Array
    : NonNullable<T[K]> extends (infer E)[]
      ? E extends object
        ? E extends Uint8Array
          ? Uint8Array[]
          : Decoded<E>[]
        : E[]
      : NonNullable<T[K]> extends object
        ? Decoded<NonNullable<T[K]>> | null
        : NonNullable<T[K]>;
};

export type ResponseBody<K extends RequestKind> = Decoded<NonNullable<rafter.Frame.$Properties[(typeof RESPONSE_OF)[K]]>>;
