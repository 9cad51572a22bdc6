// Reading a frame's correlation id without decoding it, so that a frame too large or too malformed to decode still
// gets an answer the client can match to its request. Frame.correlation_id is field 1 (varint): an encoder that
// writes it at all writes it first (tag 0x08).

const CORRELATION_ID_TAG = 0x08;

/** The correlation id at the start of an encoded frame, or 0 if the frame does not start with one. */
export function peekCorrelationId(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== CORRELATION_ID_TAG) return 0;
  let value = 0;
  for (let i = 1, shift = 0; i < bytes.length && shift < 35; i++, shift += 7) {
    const b = bytes[i];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return value <= 0xffff_ffff ? value : 0;
  }
  return 0;
}

/** 'produceRequest' -> 'produce': the label requests carry in metrics. */
export function requestTypeLabel(body: string | undefined): string {
  if (!body) return 'none';
  return body.endsWith('Request') ? body.slice(0, -'Request'.length) : body;
}

/** A request body (its Frame field number) whose repeated field (its field number inside the body) is bounded. */
export interface EntryBound {
  bodyField: number;
  entryField: number;
  limit: number;
  /** What an entry is, for the refusal: "partitions", "topics". */
  what: string;
}

/**
 * Whether a frame's request names more entries than its bound allows (a fetch naming a partition 920,416 times),
 * counted by walking tags and lengths without decoding, so that such a frame costs a scan rather than an object per
 * entry. Returns the refusal, or undefined: also for a frame too malformed to walk, which decoding then refuses.
 */
export function entriesOverBound(bytes: Uint8Array, bounds: readonly EntryBound[]): string | undefined {
  const frame = new WireCursor(bytes, 0, bytes.length);
  while (!frame.done) {
    const tag = frame.varint();
    if (tag < 0) return undefined;
    const bound = tag % 8 === WIRE_LEN ? bounds.find((b) => b.bodyField === Math.floor(tag / 8)) : undefined;
    if (!bound) {
      if (!frame.skip(tag % 8)) return undefined;
      continue;
    }
    const length = frame.varint();
    if (length < 0 || length > frame.left) return undefined;
    const body = new WireCursor(bytes, frame.at, frame.at + length);
    const entryTag = bound.entryField * 8 + WIRE_LEN;
    let entries = 0;
    while (!body.done) {
      const t = body.varint();
      if (t < 0) return undefined;
      if (t === entryTag && ++entries > bound.limit) return `the request names more than ${bound.limit} ${bound.what}`;
      if (!body.skip(t % 8)) return undefined;
    }
    frame.at += length;
  }
  return undefined;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

/** Reads protobuf wire format between `at` and `end`: varints, and skips whole fields. */
class WireCursor {
  constructor(private readonly bytes: Uint8Array, public at: number, private readonly end: number) {}

  get done(): boolean {
    return this.at >= this.end;
  }

  get left(): number {
    return this.end - this.at;
  }

  /** The varint at the cursor (up to 64 bits, precision aside), or -1 if it is malformed or runs past the end. */
  varint(): number {
    let value = 0;
    for (let i = 0, scale = 1; i < 10 && this.at < this.end; i++, scale *= 128) {
      const b = this.bytes[this.at++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
    }
    return -1;
  }

  /** Skips the value of a field of this wire type; false if it cannot be skipped. */
  skip(wireType: number): boolean {
    switch (wireType) {
      case WIRE_VARINT:
        return this.varint() >= 0;
      case WIRE_FIXED64:
        this.at += 8;
        return this.at <= this.end;
      case WIRE_LEN: {
        const length = this.varint();
        if (length < 0 || length > this.left) return false;
        this.at += length;
        return true;
      }
      case WIRE_FIXED32:
        this.at += 4;
        return this.at <= this.end;
      default:
        return false;
    }
  }
}
