// Keys, values and header values accept strings and byte arrays (a Node Buffer is a Uint8Array); the wire wants bytes.
import { RafterInvalidArgumentError } from './errors';

export type BytesLike = string | Uint8Array;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function toBytes(value: BytesLike, field: string): Uint8Array {
  if (typeof value === 'string') return encoder.encode(value);
  if (value instanceof Uint8Array) return value;
  throw new RafterInvalidArgumentError(field, `expected a string or Uint8Array, got ${describe(value)}`);
}

export function toBytesOrNull(value: BytesLike | null | undefined, field: string): Uint8Array | null {
  return value === null || value === undefined ? null : toBytes(value, field);
}

export function bytesToString(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Unsigned lexicographic order, as the broker compares range-partition keys. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
