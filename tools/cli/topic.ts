// `rafter topic create | list | describe`.
import { bytesToString } from '../../client/bytes';
import type { Partitioning, TopicDescription, TopicInfo } from '../../client';
import { CliUsageError, integerOption, noExtraPositionals, requiredPositional } from './args';
import type { Command } from './commands';
import { formatTable, withClient } from './output';

export const topicCreate: Command = {
  path: ['topic', 'create'],
  summary: 'create a topic',
  usage: 'rafter topic create <name> --partitions N [--replication-factor R] [--partitioning hash|range --split-keys a,b,c] [--retention-ms MS]',
  details: `Options:
  --partitions N             number of partitions (required)
  --replication-factor R     replicas per partition (default 1)
  --partitioning hash|range  hash: murmur2(key) as Kafka (default); range: by sorted split keys
  --split-keys a,b,c         range only: partitions - 1 ascending keys; partition i holds [key i-1, key i)
  --retention-ms MS          delete data older than this (0: keep forever)
  --retention-bytes N        keep at most this many bytes per partition (0: no bound)
  --max-message-bytes N      largest batch a producer may send
  --json                     print the created topic as JSON`,
  options: {
    partitions: { type: 'string' },
    'replication-factor': { type: 'string' },
    partitioning: { type: 'string' },
    'split-keys': { type: 'string' },
    'retention-ms': { type: 'string' },
    'retention-bytes': { type: 'string' },
    'max-message-bytes': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(parsed, io) {
    const command = 'topic create';
    const name = requiredPositional(parsed, 0, 'topic name', command);
    noExtraPositionals(parsed, 1, command);
    const partitions = integerOption(parsed.values, 'partitions', command, 1);
    if (partitions === undefined) throw new CliUsageError('--partitions is required', command);
    const splitKeys = (parsed.values['split-keys'] as string | undefined)?.split(',');
    const partitioning = (parsed.values.partitioning as string | undefined) ?? (splitKeys ? 'range' : 'hash');
    if (partitioning !== 'hash' && partitioning !== 'range') throw new CliUsageError(`--partitioning is hash or range, got ${partitioning}`, command);
    if (partitioning === 'range' && (splitKeys?.length ?? 0) !== partitions - 1) {
      throw new CliUsageError(`a range topic of ${partitions} partitions needs --split-keys with ${partitions - 1} keys`, command);
    }
    if (partitioning === 'hash' && splitKeys) throw new CliUsageError('--split-keys needs --partitioning range', command);
    const config = {
      retentionMs: integerOption(parsed.values, 'retention-ms', command),
      retentionBytes: integerOption(parsed.values, 'retention-bytes', command),
      maxMessageBytes: integerOption(parsed.values, 'max-message-bytes', command),
    };
    return withClient(parsed, io, command, async (client) => {
      const topic = await client.admin().createTopic({
        topic: name,
        partitions,
        replicationFactor: integerOption(parsed.values, 'replication-factor', command, 1),
        partitioning: partitioning as Partitioning,
        splitKeys,
        config: Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)),
      });
      if (parsed.values.json) io.stdout(`${JSON.stringify(topicJson(topic))}\n`);
      else io.stdout(`created topic ${topic.name} (${topic.partitions.length} partitions, ${topic.partitioning})\n`);
      return 0;
    });
  },
};

export const topicList: Command = {
  path: ['topic', 'list'],
  summary: 'list topics',
  usage: 'rafter topic list [--json]',
  details: `Options:
  --json   one JSON array of topics`,
  options: { json: { type: 'boolean' } },
  async run(parsed, io) {
    noExtraPositionals(parsed, 0, 'topic list');
    return withClient(parsed, io, 'topic list', async (client) => {
      const topics = await client.admin().listTopics();
      if (parsed.values.json) io.stdout(`${JSON.stringify(topics.map(topicJson))}\n`);
      else if (topics.length === 0) io.stderr('no topics\n');
      else {
        io.stdout(formatTable(['TOPIC', 'PARTITIONS', 'REPLICAS', 'PARTITIONING'],
          topics.map((t) => [t.name, String(t.partitions.length), String(t.replicationFactor), t.partitioning])));
      }
      return 0;
    });
  },
};

export const topicDescribe: Command = {
  path: ['topic', 'describe'],
  summary: 'show a topic: config, and per partition its leader, offsets and size',
  usage: 'rafter topic describe <name> [--json]',
  details: `Options:
  --json   one JSON object`,
  options: { json: { type: 'boolean' } },
  async run(parsed, io) {
    const name = requiredPositional(parsed, 0, 'topic name', 'topic describe');
    noExtraPositionals(parsed, 1, 'topic describe');
    return withClient(parsed, io, 'topic describe', async (client) => {
      const topic = await client.admin().describeTopic(name);
      if (parsed.values.json) {
        io.stdout(`${JSON.stringify(topicJson(topic))}\n`);
        return 0;
      }
      const c = topic.config;
      io.stdout(
        `topic ${topic.name}: ${topic.partitions.length} partitions, replication factor ${topic.replicationFactor}, ${topic.partitioning} partitioning\n` +
          (topic.partitioning === 'range' ? `split keys: ${topic.splitKeys.map((k) => JSON.stringify(bytesToString(k))).join(', ')}\n` : '') +
          `retention: ${c.retentionMs > 0 ? `${c.retentionMs} ms` : 'forever'}${c.retentionBytes > 0 ? `, ${c.retentionBytes} bytes per partition` : ''}` +
          `${c.maxMessageBytes > 0 ? `; max message bytes ${c.maxMessageBytes}` : ''}\n`,
      );
      io.stdout(formatTable(['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'LOG-START', 'LOG-END', 'HIGH-WATERMARK', 'SIZE-BYTES', 'ERROR'],
        topic.partitions.map((p) => [
          String(p.partition), String(p.leaderId), p.replicas.join(','), p.inSyncReplicas.join(','), String(p.logStartOffset),
          String(p.logEndOffset), String(p.highWatermark), String(p.sizeBytes), p.error === 'NONE' ? '-' : p.error,
        ])));
      return 0;
    });
  },
};

/** Split keys as UTF-8 text in JSON output. */
export function topicJson(topic: TopicInfo | TopicDescription): Record<string, unknown> {
  return { ...topic, splitKeys: topic.splitKeys.map(bytesToString) };
}
