// The state machine the simulated app runs on top of each replica: it folds every applied entry into a digest, and
// its snapshot is that digest. Small on purpose: the checker compares entries index by index, the digest only has
// to travel in snapshots so that a replica restored from one continues the same history.

export function foldDigest(digest: number, key: number): number {
  const h = Math.imul(digest ^ key, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

export function encodeAppSnapshot(index: number, digest: number): Uint8Array {
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  view.setFloat64(0, index, true);
  view.setUint32(8, digest, true);
  return bytes;
}

export function decodeAppSnapshot(data: Uint8Array): { index: number; digest: number } {
  if (data.length === 0) return { index: 0, digest: 0 };
  if (data.length !== 12) throw new Error(`app snapshot of ${data.length} bytes`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { index: view.getFloat64(0, true), digest: view.getUint32(8, true) };
}
