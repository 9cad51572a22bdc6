// The `rafter` command line: picks the command from the leading words, parses its options strictly, runs it, and
// turns failures into a message and an exit code (0 ok, 1 failed, 2 usage error).
import { RafterConnectionError, RafterError } from '../../client';
import { CliUsageError, parseCommand } from './args';
import { brokerStart } from './broker';
import { clusterStart, clusterStatus } from './cluster';
import { Command, GLOBAL_HELP } from './commands';
import { consume } from './consume';
import type { CliIo } from './io';
import { produce } from './produce';
import { topicCreate, topicDescribe, topicList } from './topic';

export const COMMANDS: readonly Command[] = [
  brokerStart, clusterStart, clusterStatus, topicCreate, topicList, topicDescribe, produce, consume,
];

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command named by the leading words of argv, and the arguments after them. */
export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    if (command.path.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(command.path.length) };
  }
  return undefined;
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return `Usage: rafter <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`).join('\n')}

${GLOBAL_HELP}

Run 'rafter <command> --help' for a command's options.
`;
}

export function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}\n\n${command.details}\n\n${GLOBAL_HELP}\n`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.stderr : io.stdout)(generalHelp());
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.path[0] === argv[0]);
    const hint = group.length > 0 ? `: try ${group.map((c) => `'rafter ${c.path.join(' ')}'`).join(', ')}` : '';
    io.stderr(`rafter: unknown command '${argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}'${hint}\n\n${generalHelp()}`);
    return EXIT_USAGE;
  }
  const { command, rest } = found;
  try {
    const parsed = parseCommand(command.path.join(' '), rest, command.options);
    if (parsed.values.help) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(parsed, io);
  } catch (error) {
    io.stderr(describeError(error));
    return error instanceof CliUsageError ? EXIT_USAGE : EXIT_FAILED;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof CliUsageError) return `rafter ${error.command}: ${error.message}\nRun 'rafter ${error.command} --help' for usage.\n`;
  if (error instanceof RafterConnectionError) {
    return `error: ${error.message}\nIs a broker running there? Start one with 'rafter broker start', or pass --brokers host:port.\n`;
  }
  if (error instanceof RafterError) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
    return `error: ${error.message}${cause}\n`;
  }
  return `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}
