// Static protobufjs code against reflection, on the frames of the hot path: a ProduceRequest carrying 16 batches of
// 64 KiB and a FetchResponse of as much. Prints encode and decode rates for each; the ratio decided that the codec
// is generated (`npm run proto`) rather than loaded from rafter.proto at run time.
//   node bin/run-ts.cjs tools/bench/codec-bench.ts [--iterations N]
import path from 'node:path';
import { parseArgs } from 'node:util';
import protobuf from 'protobufjs';
import { rafter } from '../../client/protocol';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '20000' } } });
const iterations = Number(values.iterations);

const batch = new Uint8Array(64 * 1024).fill(7);
const frames: Record<string, rafter.Frame.$Properties> = {
  produce: {
    correlationId: 7,
    produceRequest: { acks: 0, timeoutMs: 30_000, partitions: Array.from({ length: 16 }, (_, p) => ({ topic: 'bench', partition: p, batch })) },
  },
  fetch: {
    correlationId: 8,
    fetchResponse: { partitions: [{ topic: 'bench', partition: 0, highWatermark: 123_456, batches: Array.from({ length: 16 }, () => batch) }] },
  },
  metadata: {
    correlationId: 9,
    metadataResponse: {
      brokers: [{ id: 1, host: '127.0.0.1', port: 9092 }],
      topics: [{ name: 'bench', partitions: Array.from({ length: 64 }, (_, p) => ({ partition: p, leaderId: 1, replicas: [1, 2, 3], inSyncReplicas: [1, 2, 3] })) }],
    },
  },
};

const reflected = protobuf.loadSync(path.join(__dirname, '../../client/protocol/rafter.proto')).lookupType('rafter.Frame');

interface Codec {
  encode(frame: rafter.Frame.$Properties): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}
const codecs: Record<string, Codec> = {
  static: { encode: (f) => rafter.Frame.encode(f).finish(), decode: (b) => rafter.Frame.decode(b) },
  reflection: { encode: (f) => reflected.encode(reflected.fromObject(f)).finish(), decode: (b) => reflected.decode(b) },
};

function opsPerSecond(run: () => void): number {
  for (let i = 0; i < Math.min(2000, iterations); i++) run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return iterations / (Number(process.hrtime.bigint() - start) / 1e9);
}

console.log(`frame      codec       encode/s    decode/s   (${iterations} iterations)`);
for (const [name, frame] of Object.entries(frames)) {
  const rates: Record<string, { encode: number; decode: number }> = {};
  for (const [codecName, codec] of Object.entries(codecs)) {
    const bytes = codec.encode(frame);
    rates[codecName] = { encode: opsPerSecond(() => codec.encode(frame)), decode: opsPerSecond(() => codec.decode(bytes)) };
    console.log(`${name.padEnd(10)} ${codecName.padEnd(10)} ${rates[codecName].encode.toFixed(0).padStart(10)} ${rates[codecName].decode.toFixed(0).padStart(11)}`);
  }
  console.log(`${name.padEnd(10)} static/reflection: encode ×${(rates.static.encode / rates.reflection.encode).toFixed(2)}, decode ×${(rates.static.decode / rates.reflection.decode).toFixed(2)}`);
}
