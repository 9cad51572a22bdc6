// The broker's front door on uWebSockets.js, one port for everything:
//
//   WebSocket  ws://<host>:<port>/   the client protocol. Every binary message is one rafter.Frame (client/protocol/
//                                    rafter.proto): requests from the client, responses matched by correlation_id,
//                                    possibly out of order. Frames above maxFrameBytes (and up to maxPayloadLength,
//                                    see below) are answered FRAME_TOO_LARGE; on larger ones uWS drops the
//                                    connection before buffering them, without a close frame (clients see 1006,
//                                    abnormal closure). Undecodable frames are answered INVALID_REQUEST; the
//                                    connection stays open. The upgrade is refused (403) for a browser page from an
//                                    origin not allowed (admission.ts), and past maxConnections (503) or
//                                    maxConnectionsPerIp (429); a connection idle for connectionMaxIdleMs is closed.
//   GET /health                      JSON: status ("ok" | "shutting_down"), brokerId, uptimeSeconds, connections.
//   GET /metrics                     Prometheus text from the broker's registry (broker/metrics.ts).
//   HEAD                             as GET, without the body.
import uWS from 'uWebSockets.js';
import type { BrokerConfig } from '../config';
import type { BrokerMetrics } from '../metrics';
import { ConnectionAdmission } from './admission';
import type { Dispatcher } from './dispatcher';
import { ClientSession, type SessionData } from './session';

/** WebSocket close code for a connection the broker ends as idle (RFC 6455 §7.4.1: normal closure). */
const CLOSE_NORMAL = 1000;

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
  private readonly admission: ConnectionAdmission;
  private readonly idleSweep: NodeJS.Timeout | undefined;
  private listenSocket: uWS.us_listen_socket | undefined;

  constructor(private readonly options: ClientServerOptions) {
    const { config, metrics, dispatcher } = options;
    const host = { config, metrics, dispatcher };
    const app = uWS.App();
    this.app = app;
    this.admission = new ConnectionAdmission(config);
    const health = (): string => JSON.stringify(options.health());
    app
      .ws<SessionData>('/', {
        maxPayloadLength: maxPayloadLength(config.maxFrameBytes),
        maxBackpressure: config.maxBackpressureBytes,
        idleTimeout: config.idleTimeoutSeconds,
        sendPingsAutomatically: true,
        compression: uWS.DISABLED,
        upgrade: (res, req, context) => {
          // The request is only valid in this call: everything is read before answering.
          const address = Buffer.from(res.getRemoteAddressAsText()).toString();
          const refusal = this.admission.check(address, req.getHeader('origin'));
          if (refusal) {
            metrics.connectionsRejectedTotal.inc({ reason: refusal.reason });
            res.writeStatus(refusal.status).end(refusal.message, true);
            return;
          }
          res.upgrade<SessionData>({ address }, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
            req.getHeader('sec-websocket-extensions'), context);
        },
        open: (ws) => {
          const data = ws.getUserData();
          const session = new ClientSession(ws, host);
          data.session = session;
          this.admission.opened(data.address ?? '');
          this.sessions.add(session);
          metrics.connectionsOpen.inc();
          metrics.connectionsTotal.inc();
        },
        message: (ws, message, isBinary) => ws.getUserData().session?.handleMessage(message, isBinary),
        drain: (ws) => ws.getUserData().session?.handleDrain(),
        close: (ws) => {
          const data = ws.getUserData();
          const session = data.session;
          if (!session) return;
          session.handleClose();
          this.admission.closed(data.address ?? '');
          this.sessions.delete(session);
          metrics.connectionsOpen.dec();
        },
      })
      .get('/health', (res) => {
        res.writeHeader('content-type', 'application/json').end(health());
      })
      .head('/health', (res) => {
        res.writeHeader('content-type', 'application/json');
        endWithoutBody(res, Buffer.byteLength(health()));
      })
      .get('/metrics', (res) => this.serveMetrics(res, true))
      .head('/metrics', (res) => this.serveMetrics(res, false));
    options.routes?.(app);
    app
      .any('/*', (res, req) => {
        const body = 'not found: the client endpoint is the WebSocket at /, see also /health, /metrics\n';
        res.writeStatus('404 Not Found');
        if (req.getMethod() === 'head') endWithoutBody(res, body.length);
        else res.end(body);
      });
    if (config.connectionMaxIdleMs > 0) {
      const everyMs = Math.min(30_000, Math.max(100, Math.floor(config.connectionMaxIdleMs / 4)));
      this.idleSweep = setInterval(() => this.closeIdle(config.connectionMaxIdleMs), everyMs).unref();
    }
  }

  /** GET or HEAD /metrics: HEAD computes the text too, as its length is the answer's Content-Length. */
  private serveMetrics(res: uWS.HttpResponse, withBody: boolean): void {
    const { registry } = this.options.metrics;
    let aborted = false;
    res.onAborted(() => { aborted = true; });
    registry.metrics().then(
      (text) => {
        if (aborted) return;
        res.cork(() => {
          res.writeHeader('content-type', registry.contentType);
          if (withBody) res.end(text);
          else endWithoutBody(res, Buffer.byteLength(text));
        });
      },
      (err: unknown) => {
        if (!aborted) res.cork(() => res.writeStatus('500 Internal Server Error').end(String(err)));
      },
    );
  }

  /** Closes the connections with nothing in flight and nothing received or sent for maxIdleMs. */
  private closeIdle(maxIdleMs: number): void {
    const nowMs = performance.now();
    for (const session of [...this.sessions]) {
      if (!session.isIdle(nowMs, maxIdleMs)) continue;
      this.options.metrics.connectionsIdleClosedTotal.inc();
      session.end(CLOSE_NORMAL, `idle for ${maxIdleMs} ms`);
    }
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
    clearInterval(this.idleSweep);
    for (const session of [...this.sessions]) session.end(code, reason);
  }
}

/**
 * A HEAD answer: the length GET's body would have, and no body. This uWS aborts the process when endWithoutBody is
 * given the length itself, so the header is written by hand.
 */
function endWithoutBody(res: uWS.HttpResponse, contentLength: number): void {
  res.writeHeader('content-length', String(contentLength)).endWithoutBody();
}
