// The accepting side of broker↔broker Raft traffic, on the broker's own uWebSockets.js app and port. Peers dial in
// (peer-transport.ts) to send us their Raft messages; we only read: the one frame we ever send on a connection is
// our Hello, answering theirs. See peer-transport.ts for why each direction has its own connection.
//
// Each binary message is copied out of uWS's buffer once (that buffer is valid only during the callback); entry
// data handed to onBatch are views into that copy. A frame that fails to decode or validate is dropped whole and
// counted — Raft recovers from the loss — and the connection stays up. A peer that breaks the handshake (no Hello
// first, wrong cluster or version, our own id) is turned away with close code 1008.
import uWS from 'uWebSockets.js';
import type { GroupMessages } from './group-messages';
import { MalformedFrameError } from './malformed-frame-error';
import { PeerMetrics, type RejectReason } from './peer-metrics';
import { CLOSE_POLICY_VIOLATION, DEFAULT_MAX_FRAME_BYTES } from './peer-transport';
import { decodePeerFrame, encodeHello, NO_STORE_STATE, PEER_PROTOCOL_VERSION, type Hello, type HelloStoreState } from './raft-codec';

const SEND_DROPPED = 2;
const CLOSE_UNSUPPORTED_DATA = 1003;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_NORMAL = 1000;

export interface PeerEndpointOptions {
  readonly brokerId: number;
  readonly clusterId: string;
  /** Largest frame accepted (uWS closes the connection, code 1009, on a larger one). Default 16 MiB. */
  readonly maxFrameBytes?: number;
  /** uWS pings an idle peer and closes it when nothing arrives for this long. Default 32 s. */
  readonly idleTimeoutSeconds?: number;
  readonly metrics?: PeerMetrics;
  /**
   * The Raft messages of one frame from `fromBroker`, validated. Coalesced heartbeats come expanded, one
   * GroupMessages each after the groups' other messages, so a group may appear more than once. Must not throw.
   */
  readonly onBatch: (fromBroker: number, groups: GroupMessages[]) => void;
  /** A frame or connection was turned away; `fromBroker` is unknown before the peer's Hello. */
  readonly onRejected?: (fromBroker: number | undefined, reason: RejectReason, detail: string) => void;
  /** What this broker says of its store in its answering Hello, read per connection. Default NO_STORE_STATE. */
  readonly storeState?: () => HelloStoreState;
  /** A peer's Hello was accepted: its report of its store, as of this connection. Called after our answer is built. */
  readonly onPeerHello?: (hello: Hello) => void;
}

export interface PeerEndpoint {
  /** Brokers with a verified connection to us. */
  connectedBrokers(): number[];
  /** Ends every peer connection (close code 1001); dialers reconnect with backoff. */
  closeAll(): void;
}

interface PeerSocketData {
  /** Set once the peer's Hello is accepted. */
  brokerId?: number;
}

export function attachPeerEndpoint(app: uWS.TemplatedApp, path: string, options: PeerEndpointOptions): PeerEndpoint {
  const metrics = options.metrics ?? new PeerMetrics();
  const sockets = new Set<uWS.WebSocket<PeerSocketData>>();
  const byBroker = new Map<number, uWS.WebSocket<PeerSocketData>>();
  const helloFrame = () => encodeHello({
    brokerId: options.brokerId, clusterId: options.clusterId, protocolVersion: PEER_PROTOCOL_VERSION,
    ...(options.storeState?.() ?? NO_STORE_STATE),
  });

  const reject = (ws: uWS.WebSocket<PeerSocketData>, reason: RejectReason, detail: string, closeCode?: number) => {
    metrics.rejected.labels(reason).inc();
    options.onRejected?.(ws.getUserData().brokerId, reason, detail);
    if (closeCode !== undefined) ws.end(closeCode, detail.slice(0, 120));
  };

  const checkHello = (h: Hello): string | undefined => {
    if (h.clusterId !== options.clusterId) return `cluster '${h.clusterId}' is not this broker's cluster '${options.clusterId}'`;
    if (h.protocolVersion !== PEER_PROTOCOL_VERSION) {
      return `peer protocol version ${h.protocolVersion}, this broker speaks ${PEER_PROTOCOL_VERSION}`;
    }
    if (h.brokerId === options.brokerId) return `broker ${h.brokerId} dialed itself`;
    return undefined;
  };

  const acceptHello = (ws: uWS.WebSocket<PeerSocketData>, h: Hello) => {
    const problem = checkHello(h);
    if (problem) {
      const reason: RejectReason = h.clusterId !== options.clusterId ? 'wrong-cluster'
        : h.protocolVersion !== PEER_PROTOCOL_VERSION ? 'wrong-version' : 'wrong-broker';
      return reject(ws, reason, problem, CLOSE_POLICY_VIOLATION);
    }
    ws.getUserData().brokerId = h.brokerId;
    // A restarted peer dials again while its old connection may linger half-open: the newest one wins.
    const previous = byBroker.get(h.brokerId);
    byBroker.set(h.brokerId, ws);
    if (previous) previous.end(CLOSE_NORMAL, 'replaced by a newer connection from the same broker');
    // Our answer is built before the peer's report is handed on, so it never reflects a decision that report caused.
    const answer = helloFrame();
    // Never lose the answer silently: a dropped Hello would leave the dialer waiting for nothing.
    if (ws.send(answer, true, false) === SEND_DROPPED) return reject(ws, 'dropped-send', 'the hello reply was dropped', CLOSE_GOING_AWAY);
    options.onPeerHello?.(h);
  };

  app.ws<PeerSocketData>(path, {
    maxPayloadLength: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    // We send one Hello per connection; nothing more should ever wait in a peer socket's send buffer.
    maxBackpressure: 1024 * 1024,
    idleTimeout: options.idleTimeoutSeconds ?? 32,
    sendPingsAutomatically: true,
    compression: uWS.DISABLED,
    open: (ws) => {
      sockets.add(ws);
    },
    message: (ws, message, isBinary) => {
      if (!isBinary) return reject(ws, 'text-frame', 'peer frames are binary', CLOSE_UNSUPPORTED_DATA);
      const fromBroker = ws.getUserData().brokerId;
      // The one copy: out of uWS's buffer, which is reused after this callback returns.
      const bytes = new Uint8Array(message.slice(0));
      if (fromBroker !== undefined) {
        const peer = String(fromBroker);
        metrics.receivedFrames.labels(peer).inc();
        metrics.receivedBytes.labels(peer).inc(bytes.length);
      }
      let frame;
      try {
        frame = decodePeerFrame(bytes);
      } catch (err) {
        if (!(err instanceof MalformedFrameError)) throw err;
        return reject(ws, 'malformed', err.message, fromBroker === undefined ? CLOSE_POLICY_VIOLATION : undefined);
      }
      if (frame.kind === 'hello') {
        if (fromBroker !== undefined) return reject(ws, 'handshake', 'a second hello on one connection', CLOSE_POLICY_VIOLATION);
        return acceptHello(ws, frame.hello);
      }
      if (fromBroker === undefined) return reject(ws, 'handshake', 'the first frame must be a hello', CLOSE_POLICY_VIOLATION);
      options.onBatch(fromBroker, frame.groups);
    },
    close: (ws) => {
      sockets.delete(ws);
      const brokerId = ws.getUserData().brokerId;
      if (brokerId !== undefined && byBroker.get(brokerId) === ws) byBroker.delete(brokerId);
    },
  });

  return {
    connectedBrokers: () => [...byBroker.keys()],
    closeAll: () => {
      for (const ws of [...sockets]) ws.end(CLOSE_GOING_AWAY, 'broker shutting down');
    },
  };
}
