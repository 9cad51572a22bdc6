// The command table: each command's options, usage text and implementation, so help and dispatch agree.
import type { OptionSpec, Parsed } from './args';
import type { CliIo } from './io';

export interface Command {
  /** Words that select it, e.g. ['topic', 'create']. */
  path: string[];
  summary: string;
  usage: string;
  /** Option lines for --help. */
  details: string;
  options: OptionSpec;
  run(parsed: Parsed, io: CliIo): Promise<number>;
}

export const GLOBAL_HELP = `Global options:
  --brokers host:port[,...]   brokers to bootstrap from (default $RAFTER_BROKERS or 127.0.0.1:9092)
  -h, --help                  help for the command`;
