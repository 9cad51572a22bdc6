// A consumed record. Bytes are views into the fetched frame (no copy); the helpers decode on demand.
import { bytesToString } from '../bytes';

export interface RecordHeader {
  key: string;
  value: Uint8Array;
}

export class ConsumerRecord {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly timestampMs: number,
    readonly key: Uint8Array | null,
    readonly value: Uint8Array | null,
    readonly headers: readonly RecordHeader[],
  ) {}

  /** The key as UTF-8 text; null for a null key. */
  keyString(): string | null {
    return this.key === null ? null : bytesToString(this.key);
  }

  /** The value as UTF-8 text; null for a tombstone. */
  valueString(): string | null {
    return this.value === null ? null : bytesToString(this.value);
  }

  /** The value parsed as JSON; throws a SyntaxError when it is not JSON. */
  valueJson<T = unknown>(): T {
    return JSON.parse(this.valueString() ?? 'null') as T;
  }

  /** The first header with this key. */
  header(key: string): Uint8Array | undefined {
    return this.headers.find((h) => h.key === key)?.value;
  }
}

export interface RecordBatch {
  topic: string;
  partition: number;
  records: ConsumerRecord[];
  /** The partition's high watermark when this batch was fetched: records below it are committed. */
  highWatermark: number;
}
