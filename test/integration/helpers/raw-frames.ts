// Frames built byte by byte, for what an encoder would never write: one entry repeated a million times.

/** Frame.fetch_request and FetchRequest.partitions in rafter.proto. */
export const FETCH_REQUEST_FIELD = 20;
export const FETCH_PARTITIONS_FIELD = 4;

/** A frame whose request (Frame field `bodyField`) repeats one encoded entry `count` times as field `entryField`. */
export function repeatedEntriesFrame(correlationId: number, bodyField: number, entryField: number, entry: Uint8Array, count: number): Uint8Array {
  const entryBytes = Buffer.concat([varint(entryField * 8 + 2), varint(entry.length), entry]);
  const body = Buffer.alloc(entryBytes.length * count);
  for (let i = 0; i < count; i++) entryBytes.copy(body, i * entryBytes.length);
  return Buffer.concat([varint(8), varint(correlationId), varint(bodyField * 8 + 2), varint(body.length), body]);
}

export function varint(n: number): Buffer {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 0x80)) out.push((n % 0x80) | 0x80);
  out.push(n);
  return Buffer.from(out);
}
