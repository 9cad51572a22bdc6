// `rafter produce <topic>`: one record per stdin line, sent in batches with a bounded number of sends in flight;
// flushes at end of input and prints a summary to stderr.
import { parseAcks, integerOption, noExtraPositionals, requiredPositional, unescapeSeparator } from './args';
import type { Command } from './commands';
import { withClient } from './output';
import type { Message } from '../../client';

const LINES_PER_SEND = 1000;
const SENDS_IN_FLIGHT = 8;

export const produce: Command = {
  path: ['produce'],
  summary: 'send stdin lines as records',
  usage: "rafter produce <topic> [--key-separator '\\t'] [--acks all|leader|none] [--partition P]",
  details: `Options:
  --key-separator SEP   split each line at the first SEP into key and value (\\t for a tab); lines without it have no key
  --acks all|leader|none  all: after quorum commit (default); leader: after the leader's fsync; none: no answer
  --partition P         send every record to partition P instead of using the partitioner`,
  options: { 'key-separator': { type: 'string' }, acks: { type: 'string' }, partition: { type: 'string' } },
  async run(parsed, io) {
    const command = 'produce';
    const topic = requiredPositional(parsed, 0, 'topic', command);
    noExtraPositionals(parsed, 1, command);
    const acks = parseAcks(parsed.values, command);
    const partition = integerOption(parsed.values, 'partition', command);
    const rawSeparator = parsed.values['key-separator'] as string | undefined;
    const separator = rawSeparator === undefined ? undefined : unescapeSeparator(rawSeparator);
    return withClient(parsed, io, command, async (client) => {
      const producer = client.producer({ acks });
      const startedAtMs = Date.now();
      const inFlight = new Set<Promise<void>>();
      let sent = 0;
      let failed = 0;
      let firstError: unknown;
      const send = (messages: Message[]) => {
        const p = producer.send({ topic, messages }).then(
          () => void (sent += messages.length),
          (error: unknown) => {
            failed += messages.length;
            firstError ??= error;
          },
        );
        const tracked = p.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      };
      let pending: Message[] = [];
      for await (const line of io.stdinLines()) {
        if (firstError) break;
        pending.push(toMessage(line, separator, partition));
        if (pending.length < LINES_PER_SEND) continue;
        send(pending);
        pending = [];
        if (inFlight.size >= SENDS_IN_FLIGHT) await Promise.race(inFlight);
      }
      if (pending.length > 0 && !firstError) send(pending);
      await Promise.all(inFlight);
      await producer.close();
      const seconds = (Date.now() - startedAtMs) / 1000;
      io.stderr(`produced ${sent} records to ${topic} in ${seconds.toFixed(2)} s${failed > 0 ? `; ${failed} failed` : ''}\n`);
      if (firstError) throw firstError;
      return 0;
    });
  },
};

export function toMessage(line: string, separator: string | undefined, partition: number | undefined): Message {
  const at = separator === undefined ? -1 : line.indexOf(separator);
  const message: Message = at < 0 ? { value: line } : { key: line.slice(0, at), value: line.slice(at + separator!.length) };
  if (partition !== undefined) message.partition = partition;
  return message;
}
