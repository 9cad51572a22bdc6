// Entry point of the `rafter` command (bin/rafter.cjs loads it through tsx). The commands live in tools/cli/.
import { main } from './cli/main';
import { processIo } from './cli/io';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rafter: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
