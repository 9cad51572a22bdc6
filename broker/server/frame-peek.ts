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
