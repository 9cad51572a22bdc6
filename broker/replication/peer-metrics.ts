// Metrics of broker↔broker traffic, labelled by the peer broker's id. One PeerMetrics per broker, shared by its
// dialing side (PeerTransport) and its accepting side (attachPeerEndpoint): a registry takes each name only once.
import { Counter, Gauge, type Registry } from 'prom-client';

/** Why messages for a peer were dropped instead of sent. Raft retransmits; the host may reportUnreachable. */
export type DropReason =
  /** No open, verified connection to the peer right now. */
  | 'disconnected'
  /** The peer's outbound bytes (queued since the last flush plus the socket's unsent buffer) reached the bound. */
  | 'queue-full'
  /** One message alone is larger than a frame may be. */
  | 'too-large'
  /** The peer was never added, or was removed. */
  | 'unknown-peer'
  /** The connection closed with these messages still queued. */
  | 'connection-lost';

/** Why a received frame or connection was turned away. */
export type RejectReason = 'malformed' | 'text-frame' | 'handshake' | 'wrong-cluster' | 'wrong-version' | 'wrong-broker' | 'dropped-send';

export class PeerMetrics {
  readonly connected: Gauge<'peer'>;
  readonly sentBytes: Counter<'peer'>;
  readonly sentFrames: Counter<'peer'>;
  readonly receivedBytes: Counter<'peer'>;
  readonly receivedFrames: Counter<'peer'>;
  readonly queueBytes: Gauge<'peer'>;
  readonly droppedMessages: Counter<'peer' | 'reason'>;
  readonly reconnects: Counter<'peer'>;
  readonly rejected: Counter<'reason'>;

  /** Without a registry the metrics still count (tests read them) but are exported nowhere. */
  constructor(registry?: Registry) {
    const registers = registry ? [registry] : [];
    this.connected = new Gauge({
      name: 'rafter_peer_connected', help: '1 while the outbound connection to the peer broker is open and verified',
      labelNames: ['peer'], registers,
    });
    this.sentBytes = new Counter({ name: 'rafter_peer_sent_bytes_total', help: 'Bytes of frames sent to the peer broker', labelNames: ['peer'], registers });
    this.sentFrames = new Counter({ name: 'rafter_peer_sent_frames_total', help: 'Frames sent to the peer broker', labelNames: ['peer'], registers });
    this.receivedBytes = new Counter({
      name: 'rafter_peer_received_bytes_total', help: 'Bytes of frames received from the peer broker', labelNames: ['peer'], registers,
    });
    this.receivedFrames = new Counter({
      name: 'rafter_peer_received_frames_total', help: 'Frames received from the peer broker', labelNames: ['peer'], registers,
    });
    this.queueBytes = new Gauge({
      name: 'rafter_peer_queue_bytes', help: 'Bytes waiting to go to the peer broker (queued plus unsent socket buffer)',
      labelNames: ['peer'], registers,
    });
    this.droppedMessages = new Counter({
      name: 'rafter_peer_dropped_messages_total', help: 'Raft messages for the peer broker dropped instead of sent, by reason',
      labelNames: ['peer', 'reason'], registers,
    });
    this.reconnects = new Counter({
      name: 'rafter_peer_reconnects_total', help: 'Attempts to dial the peer broker again after a failed or lost connection',
      labelNames: ['peer'], registers,
    });
    this.rejected = new Counter({
      name: 'rafter_peer_rejected_total', help: 'Peer frames or connections turned away, by reason', labelNames: ['reason'], registers,
    });
  }
}
