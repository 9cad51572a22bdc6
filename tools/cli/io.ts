// What a command touches outside itself, passed in so tests can run commands in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Input lines (produce reads records from here). */
  stdinLines(): AsyncIterable<string>;
  env: Record<string, string | undefined>;
  /** Registers a handler for SIGINT/SIGTERM; returns the remover. */
  onSignal(handler: (signal: string) => void): () => void;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdinLines: () => readLines(),
    env: process.env,
    onSignal: (handler) => {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}

async function* readLines(): AsyncIterable<string> {
  const { createInterface } = await import('node:readline');
  yield* createInterface({ input: process.stdin, crlfDelay: Infinity });
}
