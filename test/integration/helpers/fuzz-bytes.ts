// Bytes for the fuzzers, drawn from a seeded Prng: the same seed draws the same bytes.
import { createCipheriv } from 'node:crypto';
import type { Prng } from '../../sim/prng';

/** n bytes: a few straight from the Prng, more as an AES-CTR stream keyed from it (fast). */
export function seededBytes(rng: Prng, n: number): Uint8Array {
  if (n <= 64) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = rng.int(256);
    return out;
  }
  const key = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) key.writeUInt32LE(rng.nextU32(), i * 4);
  return new Uint8Array(createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(n)));
}

/** A copy of `frame` with 1..4 of: a bit flipped, a cut, bytes inserted, a byte set to 0xff (a varint length gone huge). */
export function mutateBytes(rng: Prng, frame: Uint8Array): Uint8Array {
  let out = Uint8Array.from(frame);
  for (let n = rng.range(1, 4); n > 0 && out.length > 0; n--) {
    const at = rng.int(out.length);
    switch (rng.int(4)) {
      case 0:
        out[at] ^= 1 << rng.int(8);
        break;
      case 1:
        out = out.subarray(0, at);
        break;
      case 2:
        out = Uint8Array.from([...out.subarray(0, at), ...seededBytes(rng, rng.range(1, 16)), ...out.subarray(at)]);
        break;
      default:
        out[at] = 0xff;
    }
  }
  return out;
}
