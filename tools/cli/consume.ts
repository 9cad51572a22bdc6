// `rafter consume <topic>`: prints record values (or JSON lines). Without --follow it reads up to the end offsets
// it finds at start and exits; with --follow it keeps waiting for new records until Ctrl-C.
import type { ConsumerRecord, StartPosition } from '../../client';
import { bytesToString } from '../../client/bytes';
import { integerOption, noExtraPositionals, parseFrom, requiredPositional } from './args';
import type { Command } from './commands';
import { withClient } from './output';

export const consume: Command = {
  path: ['consume'],
  summary: 'print records of a topic',
  usage: 'rafter consume <topic> [--from-beginning | --from latest|earliest|offset:N|timestamp:MS] [--follow] [--max N] [--json] [--partition P]',
  details: `Options:
  --from-beginning     same as --from earliest
  --from POSITION      latest (default), earliest, offset:N, or timestamp:MS (first record at or after it)
  --follow             keep waiting for new records (Ctrl-C to stop); without it, stop at the end offsets seen at start
  --max N              stop after N records
  --partition P        only this partition (default: all)
  --json               one JSON object per line: topic, partition, offset, timestampMs, key, value, headers`,
  options: {
    'from-beginning': { type: 'boolean' },
    from: { type: 'string' },
    follow: { type: 'boolean' },
    max: { type: 'string' },
    partition: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(parsed, io) {
    const command = 'consume';
    const topic = requiredPositional(parsed, 0, 'topic', command);
    noExtraPositionals(parsed, 1, command);
    const start = parseFrom(parsed.values, command);
    const max = integerOption(parsed.values, 'max', command, 1) ?? Infinity;
    const onlyPartition = integerOption(parsed.values, 'partition', command);
    const json = parsed.values.json === true;
    const follow = parsed.values.follow === true;
    return withClient(parsed, io, command, async (client) => {
      const admin = client.admin();
      const info = await admin.describeTopic(topic);
      const partitions = onlyPartition === undefined ? info.partitions.map((p) => p.partition) : [onlyPartition];
      const starts = await startOffsets(admin, topic, partitions, start);
      // Without --follow the end is fixed now, so the command terminates even while producers keep writing.
      const ends = follow ? undefined : new Map((await admin.listOffsets({ topic, partitions, at: 'latest' })).map((o) => [o.partition, o.offset]));
      const assigned = partitions.filter((p) => ends === undefined || starts.get(p)! < ends.get(p)!);
      io.stderr(`consuming ${topic} partitions ${partitions.join(',')} from ${describeStart(start, starts, partitions)}${follow ? ' (following)' : ''}\n`);
      if (assigned.length === 0) return 0;
      const consumer = client.consumer();
      const removeSignal = io.onSignal(() => void consumer.close());
      try {
        await consumer.assign(assigned.map((partition) => ({ topic, partition, start: { offset: starts.get(partition)! } })));
        let count = 0;
        const open = new Set(assigned);
        for await (const record of consumer) {
          if (ends && record.offset >= ends.get(record.partition)!) continue;
          io.stdout(json ? `${JSON.stringify(recordJson(record))}\n` : `${record.valueString() ?? ''}\n`);
          if (++count >= max) break;
          if (ends && record.offset + 1 >= ends.get(record.partition)!) {
            open.delete(record.partition);
            if (open.size === 0) break;
            consumer.pause([{ topic, partition: record.partition }]);
          }
        }
      } finally {
        removeSignal();
        await consumer.close();
      }
      return 0;
    });
  },
};

async function startOffsets(
  admin: ReturnType<import('../../client').Rafter['admin']>,
  topic: string,
  partitions: number[],
  start: StartPosition,
): Promise<Map<number, number>> {
  if (typeof start === 'object' && 'offset' in start) return new Map(partitions.map((p) => [p, start.offset]));
  const at = typeof start === 'object' ? { timestampMs: start.timestampMs } : start;
  const offsets = await admin.listOffsets({ topic, partitions, at });
  const missing = offsets.filter((o) => o.offset < 0).map((o) => o.partition);
  // No record at or after the timestamp: start at the end, as 'latest'.
  const latest = missing.length > 0 ? await admin.listOffsets({ topic, partitions: missing, at: 'latest' }) : [];
  const result = new Map(offsets.map((o) => [o.partition, o.offset]));
  for (const o of latest) result.set(o.partition, o.offset);
  return result;
}

function describeStart(start: StartPosition, starts: Map<number, number>, partitions: number[]): string {
  const name = typeof start === 'string' ? start : 'offset' in start ? `offset ${start.offset}` : `timestamp ${start.timestampMs}`;
  return `${name} (offsets ${partitions.map((p) => `${p}:${starts.get(p)}`).join(' ')})`;
}

export function recordJson(record: ConsumerRecord): Record<string, unknown> {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestampMs: record.timestampMs,
    key: record.keyString(),
    value: record.valueString(),
    headers: Object.fromEntries(record.headers.map((h) => [h.key, bytesToString(h.value)])),
  };
}
