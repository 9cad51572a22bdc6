// CRC-32 (the zlib polynomial). Node's zlib.crc32 is native; browsers get a table-driven fallback.
type Crc32 = (data: Uint8Array) => number;

function tableCrc32(): Crc32 {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return (data) => {
    let crc = 0xffffffff;
    for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  };
}

function nativeCrc32(): Crc32 | undefined {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const zlib = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
    return zlib.crc32 ? (data) => zlib.crc32!(data) : undefined;
  } catch {
    return undefined;
  }
}

export const crc32: Crc32 = nativeCrc32() ?? tableCrc32();
/** Exposed for tests that check the fallback against the native implementation. */
export const crc32Portable: Crc32 = tableCrc32();
