// Output helpers and the client lifecycle shared by commands: every command closes its client, whatever happens.
import { Rafter } from '../../client';
import { brokerList, Parsed } from './args';
import type { CliIo } from './io';

export async function withClient(parsed: Parsed, io: CliIo, command: string, fn: (client: Rafter) => Promise<number>): Promise<number> {
  const client = new Rafter({ brokers: brokerList(parsed.values, io.env, command), clientId: 'rafter-cli', retry: { retries: 2 } });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
