// Argument parsing shared by every command: node:util parseArgs (strict), the global --brokers and --json
// options, and parsers for values that need more than a type (broker lists, start positions, acks).
import { parseArgs, ParseArgsConfig } from 'node:util';
import type { Acks, StartPosition } from '../../client';

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string, readonly command: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const DEFAULT_BROKERS = '127.0.0.1:9092';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  brokers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommand(command: string, argv: readonly string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    throw new CliUsageError((error as Error).message, command);
  }
}

/** --brokers, else $RAFTER_BROKERS, else 127.0.0.1:9092; comma-separated. */
export function brokerList(values: Parsed['values'], env: Record<string, string | undefined>, command: string): string[] {
  const raw = (values.brokers as string | undefined) ?? env.RAFTER_BROKERS ?? DEFAULT_BROKERS;
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new CliUsageError('--brokers needs at least one host:port', command);
  return list;
}

export function integerOption(values: Parsed['values'], name: string, command: string, min = 0): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new CliUsageError(`--${name} needs an integer >= ${min}, got ${String(raw)}`, command);
  }
  return n;
}

export function requiredPositional(parsed: Parsed, index: number, what: string, command: string): string {
  const value = parsed.positionals[index];
  if (value === undefined || value === '') throw new CliUsageError(`missing ${what}`, command);
  return value;
}

export function noExtraPositionals(parsed: Parsed, count: number, command: string): void {
  if (parsed.positionals.length > count) throw new CliUsageError(`unexpected argument ${parsed.positionals[count]}`, command);
}

/** --from latest | earliest | offset:N | timestamp:MS (and --from-beginning as earliest). */
export function parseFrom(values: Parsed['values'], command: string): StartPosition {
  const from = values.from as string | undefined;
  if (values['from-beginning'] && from !== undefined) throw new CliUsageError('give either --from-beginning or --from, not both', command);
  if (values['from-beginning']) return 'earliest';
  if (from === undefined || from === 'latest') return 'latest';
  if (from === 'earliest' || from === 'beginning') return 'earliest';
  const match = /^(offset|timestamp):(\d+)$/.exec(from);
  if (!match) throw new CliUsageError(`--from is latest, earliest, offset:N or timestamp:MS, got ${from}`, command);
  const n = Number(match[2]);
  return match[1] === 'offset' ? { offset: n } : { timestampMs: n };
}

export function parseAcks(values: Parsed['values'], command: string): Acks {
  const acks = (values.acks as string | undefined) ?? 'all';
  if (acks !== 'all' && acks !== 'leader' && acks !== 'none') throw new CliUsageError(`--acks is all, leader or none, got ${acks}`, command);
  return acks;
}

/** Turns the escapes people type for a separator (\t, \n, \\) into the characters. */
export function unescapeSeparator(raw: string): string {
  return raw.replace(/\\(t|n|r|\\)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]!);
}
