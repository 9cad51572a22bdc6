// `rafter broker start`: runs one broker in this process until SIGINT/SIGTERM, then stops it gracefully.
import { CliUsageError, noExtraPositionals } from './args';
import type { Command } from './commands';

const BROKER_FLAGS = [
  'data-dir', 'port', 'host', 'advertised-host', 'broker-id', 'max-frame-bytes', 'max-fetch-bytes', 'max-message-bytes',
  'shutdown-grace-ms', 'durable', 'seeds', 'cluster-id',
] as const;

export const brokerStart: Command = {
  path: ['broker', 'start'],
  summary: 'run a broker in the foreground (LMDB in --data-dir)',
  usage: 'rafter broker start [--data-dir ./data] [--port 9092] [--host 127.0.0.1]',
  details: `Options:
  --data-dir DIR          where the broker keeps its data (default ./data)
  --port N                client port: WebSocket at /, plus /health and /metrics (default 9092; 0 picks a free one)
  --host HOST             address to listen on (default 127.0.0.1)
  --advertised-host HOST  host clients are told to connect to (default --host)
  --broker-id N, --max-frame-bytes N, --max-fetch-bytes N, --max-message-bytes N, --shutdown-grace-ms MS,
  --durable true|false
  --seeds 1@host:port,2@host:port,3@host:port   cluster mode: the controller's voters, this broker among them
                          (--broker-id says which; its port comes from its seed address). Without: one broker.
Stops gracefully on Ctrl-C (SIGINT) or SIGTERM.`,
  options: Object.fromEntries(BROKER_FLAGS.map((f) => [f, { type: 'string' }])),
  async run(parsed, io) {
    noExtraPositionals(parsed, 0, 'broker start');
    // The broker's own parser owns the meaning of its flags; we only hand them over.
    const argv = BROKER_FLAGS.flatMap((f) => (parsed.values[f] === undefined ? [] : [`--${f}`, String(parsed.values[f])]));
    // Loaded only here: the other commands are clients and must not pull in the broker (LMDB, uWebSockets).
    // require, not import(): bin/rafter.cjs registers tsx for CommonJS only, and import() would bypass it.
    const { parseBrokerArgs } = require('../../broker/config') as typeof import('../../broker/config');
    let config;
    try {
      config = parseBrokerArgs(argv);
    } catch (error) {
      throw new CliUsageError((error as Error).message, 'broker start');
    }
    const { startBroker } = require('../../broker/main') as typeof import('../../broker/main');
    const broker = await startBroker(config);
    io.stderr(`rafter broker listening on ${config.host ?? '127.0.0.1'}:${broker.port} (data in ${config.dataDir ?? './data'}); Ctrl-C to stop\n`);
    const signal = await new Promise<string>((resolve) => {
      const remove = io.onSignal((s) => {
        remove();
        resolve(s);
      });
    });
    io.stderr(`${signal}: stopping the broker\n`);
    await broker.stop();
    io.stderr('broker stopped\n');
    return 0;
  },
};
