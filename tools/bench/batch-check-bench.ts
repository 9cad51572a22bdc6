// What checking a produced batch costs the broker, per byte: the CRC-32 it always computed, the walk over the
// records' framing that refuses a header lying about its records (checkRecordSet), and, for scale, decoding the
// records as a consumer does (which the broker never does). Batches of about 256 KiB (the SDK's default batchBytes)
// of records with values of several sizes, as the bench producer sends them.
//   node bin/run-ts.cjs tools/bench/batch-check-bench.ts [--iterations N]
import { randomFillSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkRecordSet, encodeRecordBatch, rafter, readBatchHeader, verifyBatchCrc, type BatchHeader } from '../../client/protocol';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '400' } } });
const iterations = Number(values.iterations);
const BATCH_BYTES = 256 * 1024;

function batchOf(valueBytes: number): { batch: Uint8Array; header: BatchHeader; records: number } {
  const count = Math.max(1, Math.floor(BATCH_BYTES / (valueBytes + 8)));
  const records = Array.from({ length: count }, () => ({ key: null, value: randomFillSync(new Uint8Array(valueBytes)) }));
  const batch = encodeRecordBatch(records);
  const header = readBatchHeader(batch);
  if (typeof header === 'string') throw new Error(header);
  return { batch, header, records: count };
}

function megabytesPerSecond(bytes: number, run: () => void): number {
  for (let i = 0; i < Math.min(50, iterations); i++) run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (bytes * iterations) / seconds / 1e6;
}

console.log(`value B  records  batch KiB      crc MB/s    walk MB/s   decode MB/s   walk/crc time  (${iterations} iterations)`);
for (const valueBytes of [16, 100, 1024, 10 * 1024]) {
  const { batch, header, records } = batchOf(valueBytes);
  const crc = megabytesPerSecond(batch.length, () => {
    if (!verifyBatchCrc(batch, header)) throw new Error('crc');
  });
  const walk = megabytesPerSecond(batch.length, () => {
    if (checkRecordSet(batch, header) !== undefined) throw new Error('walk');
  });
  const decode = megabytesPerSecond(batch.length, () => {
    if (rafter.RecordSet.decode(batch.subarray(header.recordsStart)).records.length !== records) throw new Error('decode');
  });
  console.log(`${String(valueBytes).padStart(7)} ${String(records).padStart(8)} ${(batch.length / 1024).toFixed(0).padStart(10)} ` +
    `${crc.toFixed(0).padStart(13)} ${walk.toFixed(0).padStart(12)} ${decode.toFixed(0).padStart(13)} ${(crc / walk).toFixed(3).padStart(14)}`);
}
