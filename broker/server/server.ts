// The broker's front door on uWebSockets.js, one port for everything:
//
//   WebSocket  ws://<host>:<port>/   the client protocol. Every binary message is one rafter.Frame (client/protocol/
//                                    rafter.proto): requests from the client, responses matched by correlation_id,
//                                    possibly out of order. Frames above maxFrameBytes (and up to maxPayloadLength,
//                                    see below) are answered FRAME_TOO_LARGE; on larger ones uWS drops the
//                                    connection before buffering them, without a close frame (clients see 1006,
//                                    abnormal closure). Undecodable frames are answered INVALID_REQUEST; the
//                                    connection stays open.
//   GET /health                      JSON: status ("ok" | "shutting_down"), brokerId, uptimeSeconds, connections.
//   GET /metrics                     Prometheus text from the broker's registry (broker/metrics.ts).
import uWS from 'uWebSockets.js';
import type { BrokerConfig } from '../config';
import type { BrokerMetrics } from '../metrics';
import type { Dispatcher } from './dispatcher';
import { ClientSession, type SessionData } from './session';

/**
 * How far above maxFrameBytes a frame is still received, to answer FRAME_TOO_LARGE with its correlation id: a
 * client whose batches slightly outgrow the limit gets a clear error rather than a closed connection.
 */
export function maxPayloadLength(maxFrameBytes: number): number {
  return maxFrameBytes + Math.max(64 * 1024, Math.floor(maxFrameBytes / 4));
}

const LIBUS_LISTEN_EXCLUSIVE_PORT = exclusivePortOption();

/** The native module exports it; the typings have it only as an enum member, which does not exist at run time. */
function exclusivePortOption(): number {
  const option = (uWS as unknown as { LIBUS_LISTEN_EXCLUSIVE_PORT?: number }).LIBUS_LISTEN_EXCLUSIVE_PORT;
  if (option === undefined) throw new Error('this uWebSockets.js cannot listen on an exclusive port');
  return option;
}

/** The port could not be bound: most often another process (another broker?) listens on it. */
export class ListenError extends Error {
  override name = 'ListenError';

  constructor(readonly host: string, readonly port: number, retriedForMs = 0) {
    const retried = retriedForMs > 0 ? ` (still, after retrying for ${retriedForMs} ms)` : '';
    super(`cannot listen on ${host}:${port}${retried}: the port is in use by another process (another broker?) or the address is not available here`);
  }
}

export interface ClientServerOptions {
  config: BrokerConfig;
  metrics: BrokerMetrics;
  dispatcher: Dispatcher;
  health: () => Record<string, unknown>;
  /** More routes on the same app and port (cluster mode: the peer endpoint, /cluster), before the catch-all. */
  routes?: (app: uWS.TemplatedApp) => void;
}

export class ClientServer {
  private readonly app: uWS.TemplatedApp;
  private readonly sessions = new Set<ClientSession>();
  private listenSocket: uWS.us_listen_socket | undefined;

  constructor(private readonly options: ClientServerOptions) {
    const { config, metrics, dispatcher } = options;
    const host = { config, metrics, dispatcher };
    const app = uWS.App();
    this.app = app;
    app
      .ws<SessionData>('/', {
        maxPayloadLength: maxPayloadLength(config.maxFrameBytes),
        maxBackpressure: config.maxBackpressureBytes,
        idleTimeout: config.idleTimeoutSeconds,
        sendPingsAutomatically: true,
        compression: uWS.DISABLED,
        open: (ws) => {
          const session = new ClientSession(ws, host);
          ws.getUserData().session = session;
          this.sessions.add(session);
          metrics.connectionsOpen.inc();
          metrics.connectionsTotal.inc();
        },
        message: (ws, message, isBinary) => ws.getUserData().session?.handleMessage(message, isBinary),
        drain: (ws) => ws.getUserData().session?.handleDrain(),
        close: (ws) => {
          const session = ws.getUserData().session;
          if (!session) return;
          session.handleClose();
          this.sessions.delete(session);
          metrics.connectionsOpen.dec();
        },
      })
      .get('/health', (res) => {
        res.writeHeader('content-type', 'application/json').end(JSON.stringify(options.health()));
      })
      .get('/metrics', (res) => {
        let aborted = false;
        res.onAborted(() => { aborted = true; });
        metrics.registry.metrics().then(
          (text) => {
            if (!aborted) res.cork(() => res.writeHeader('content-type', metrics.registry.contentType).end(text));
          },
          (err: unknown) => {
            if (!aborted) res.cork(() => res.writeStatus('500 Internal Server Error').end(String(err)));
          },
        );
      });
    options.routes?.(app);
    app
      .any('/*', (res) => {
        res.writeStatus('404 Not Found').end('not found: the client endpoint is the WebSocket at /, see also /health, /metrics\n');
      });
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  /**
   * Resolves with the bound port (config.port 0 picks a free one). The port is exclusive: uWS sets SO_REUSEPORT
   * unless told otherwise, and then a second broker on the same port binds too and the kernel spreads connections
   * over both. SO_REUSEADDR stays on, so a restart is not held up by the old process's connections in TIME_WAIT.
   */
  listen(): Promise<number> {
    const { host, port } = this.options.config;
    return new Promise((resolve, reject) => {
      // The native listen takes (host, port, options, cb); the bundled typings only declare (port, options, cb).
      const listen = this.app.listen as unknown as (
        host: string, port: number, options: number, cb: (socket: uWS.us_listen_socket | false) => void,
      ) => uWS.TemplatedApp;
      listen.call(this.app, host, port, LIBUS_LISTEN_EXCLUSIVE_PORT, (socket) => {
        if (!socket) return reject(new ListenError(host, port));
        this.listenSocket = socket;
        resolve(uWS.us_socket_local_port(socket as unknown as uWS.us_socket));
      });
    });
  }

  /** Accepts no new connections; open ones keep being served. */
  stopListening(): void {
    if (this.listenSocket) uWS.us_listen_socket_close(this.listenSocket);
    this.listenSocket = undefined;
  }

  /** Ends every connection with a close frame, after what is waiting to be sent. */
  closeAll(code: number, reason: string): void {
    for (const session of [...this.sessions]) session.end(code, reason);
  }
}
