// The dialing side of broker↔broker Raft traffic. Each broker dials every peer itself (with `ws`) and sends its own
// Raft messages for that peer over that connection; what the peer sends back arrives on the connection the peer
// dialed, at our accepting side (peer-endpoint.ts). One direction per connection keeps each side simple: the
// dialer only writes, the acceptor only reads and dispatches, and neither has to match replies to requests or
// decide which of two crossing connections wins. The price is two TCP connections per pair of brokers.
//
// Handshake: the dialer sends Hello {its id, cluster id, version, what it says of its store}; the acceptor checks it
// and answers with its own Hello, the only frame it ever sends. The dialer checks that it reached the broker it
// meant to, in the same cluster, before it counts the link as connected; until then messages for that peer are
// dropped. Both Hellos are built when the connection opens, so each is a report from after that moment.
//
// Queueing: send() queues messages per peer until flush(), which encodes all of them — every group's messages and
// the coalesced heartbeats — into one frame (several only when one would pass maxFrameBytes). What waits for a
// peer (queued since the last flush, plus what its socket has not yet written) is bounded by maxQueueBytes: past
// it, and whenever the peer is not connected, messages are dropped and reported through onDropped, never buffered.
// Raft retransmits what is lost, so a slow or dead peer costs only its own messages: it never holds up the other
// peers and never grows memory past its bound.
import WebSocket from 'ws';
import { MessageType, type Message } from '../raft';
import { backoffDelayMs } from './backoff';
import type { GroupId, GroupMessages } from './group-messages';
import { expandHeartbeats, HeartbeatCoalescer } from './heartbeat-coalescer';
import { PeerMetrics, type DropReason } from './peer-metrics';
import {
  assertSendable, decodePeerFrame, encodeHello, encodeRaftBatch, MAX_COALESCED_HEARTBEAT_BYTES, MAX_FRAME_OVERHEAD_BYTES,
  MAX_GROUP_OVERHEAD_BYTES, maxEncodedMessageBytes, NO_STORE_STATE, PEER_PROTOCOL_VERSION, type Hello, type HelloStoreState,
} from './raft-codec';

/** The clock the transport schedules redials and pings on; tests inject a manual one. */
export interface Timers {
  setTimeout(fn: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  setTimeout: (fn, delayMs) => setTimeout(fn, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

function zeroMask(mask: Buffer): void {
  mask.fill(0);
}

/** WebSocket close code the acceptor uses to turn a peer away (wrong cluster, version or broker). */
export const CLOSE_POLICY_VIOLATION = 1008;
/** Default limit on one frame, shared by both sides: the acceptor's maxPayloadLength. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

export interface PeerTransportOptions {
  readonly brokerId: number;
  readonly clusterId: string;
  /** Bound per peer on bytes waiting to be written (queued plus the socket's unsent buffer). Default 64 MiB. */
  readonly maxQueueBytes?: number;
  /** Largest frame sent; at most the peers' endpoint maxFrameBytes. Default 16 MiB, at least 1 MiB. */
  readonly maxFrameBytes?: number;
  /** Reconnect backoff: exponential from minBackoffMs to maxBackoffMs, jittered. Defaults 50 ms and 5 s. */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A connected peer that does not answer a ping within this long is disconnected. Default 5 s; 0 disables. */
  readonly pingIntervalMs?: number;
  /** Time to open the TCP connection and the WebSocket upgrade. Default 5 s. */
  readonly connectTimeoutMs?: number;
  readonly timers?: Timers;
  /** Uniform in [0, 1), for backoff jitter. Default Math.random. */
  readonly random?: () => number;
  readonly metrics?: PeerMetrics;
  /**
   * Messages that will not be sent. The host tells the group's Raft node (reportUnreachable(to), and for a Snap
   * reportSnapshot(to, false)). Called synchronously from send(), or from the socket's close event.
   */
  readonly onDropped?: (toBroker: number, groupId: GroupId, messages: readonly Message[], reason: DropReason) => void;
  /**
   * The link to a peer became usable, or stopped being (or a connection attempt was refused: wrong broker or
   * cluster at that address); `reason` says why.
   */
  readonly onConnectionChange?: (brokerId: number, connected: boolean, reason?: string) => void;
  /** What this broker says of its store in each Hello, read as each connection opens. Default NO_STORE_STATE. */
  readonly storeState?: () => HelloStoreState;
  /** A peer's answering Hello passed the checks: its report of its store, as of this connection. */
  readonly onPeerHello?: (hello: Hello) => void;
}

type LinkState = 'connecting' | 'handshaking' | 'open' | 'waiting' | 'removed';

interface LinkMetrics {
  connected: ReturnType<PeerMetrics['connected']['labels']>;
  sentBytes: ReturnType<PeerMetrics['sentBytes']['labels']>;
  sentFrames: ReturnType<PeerMetrics['sentFrames']['labels']>;
  queueBytes: ReturnType<PeerMetrics['queueBytes']['labels']>;
  reconnects: ReturnType<PeerMetrics['reconnects']['labels']>;
}

/** One peer: its connection, reconnect schedule and the messages queued for the next flush. */
class PeerLink {
  state: LinkState = 'connecting';
  socket: WebSocket | undefined;
  /** Failed or lost connections since the last good one: drives the backoff. */
  attempt = 0;
  timer: unknown;
  pongSeen = true;
  readonly pending = new Map<GroupId, Message[]>();
  pendingBytes = 0;
  readonly coalescer = new HeartbeatCoalescer();

  constructor(readonly brokerId: number, readonly url: string, readonly metrics: LinkMetrics) {}

  /** Bytes waiting for this peer: queued for the next flush plus written to the socket but not yet sent. */
  get queuedBytes(): number {
    return this.pendingBytes + (this.socket?.bufferedAmount ?? 0);
  }
}

export class PeerTransport {
  private readonly links = new Map<number, PeerLink>();
  private readonly maxQueueBytes: number;
  private readonly maxFrameBytes: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly pingIntervalMs: number;
  private readonly connectTimeoutMs: number;
  private readonly timers: Timers;
  private readonly random: () => number;
  readonly metrics: PeerMetrics;

  constructor(private readonly options: PeerTransportOptions) {
    this.maxQueueBytes = options.maxQueueBytes ?? 64 * 1024 * 1024;
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.minBackoffMs = options.minBackoffMs ?? 50;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.pingIntervalMs = options.pingIntervalMs ?? 5000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.timers = options.timers ?? REAL_TIMERS;
    this.random = options.random ?? Math.random;
    this.metrics = options.metrics ?? new PeerMetrics();
    if (this.maxFrameBytes < 1024 * 1024) throw new Error(`maxFrameBytes ${this.maxFrameBytes} is below 1 MiB`);
    if (this.maxQueueBytes < this.maxFrameBytes) {
      throw new Error(`maxQueueBytes ${this.maxQueueBytes} is below maxFrameBytes ${this.maxFrameBytes}`);
    }
    if (this.minBackoffMs <= 0 || this.maxBackoffMs < this.minBackoffMs) {
      throw new Error(`backoff must satisfy 0 < minBackoffMs (${this.minBackoffMs}) <= maxBackoffMs (${this.maxBackoffMs})`);
    }
  }

  private helloFrame(): Uint8Array {
    const { brokerId, clusterId, storeState } = this.options;
    return encodeHello({ brokerId, clusterId, protocolVersion: PEER_PROTOCOL_VERSION, ...(storeState?.() ?? NO_STORE_STATE) });
  }

  /** Starts dialing `url` (ws://host:port/peer) for broker `brokerId`, and keeps redialing until removePeer. */
  addPeer(brokerId: number, url: string): void {
    if (brokerId === this.options.brokerId) throw new Error(`broker ${brokerId} cannot be its own peer`);
    if (this.links.has(brokerId)) throw new Error(`peer broker ${brokerId} is already added`);
    const peer = String(brokerId);
    const m = this.metrics;
    const link = new PeerLink(brokerId, url, {
      connected: m.connected.labels(peer), sentBytes: m.sentBytes.labels(peer), sentFrames: m.sentFrames.labels(peer),
      queueBytes: m.queueBytes.labels(peer), reconnects: m.reconnects.labels(peer),
    });
    link.metrics.connected.set(0);
    this.links.set(brokerId, link);
    this.dial(link);
  }

  /** Stops talking to a peer; what is queued for it is dropped (reported as 'connection-lost'). */
  removePeer(brokerId: number): void {
    const link = this.links.get(brokerId);
    if (!link) return;
    this.links.delete(brokerId);
    const wasOpen = link.state === 'open';
    link.state = 'removed';
    this.timers.clearTimeout(link.timer);
    link.socket?.terminate();
    link.socket = undefined;
    this.dropPending(link, 'connection-lost');
    link.metrics.connected.set(0);
    link.metrics.queueBytes.set(0);
    if (wasOpen) this.options.onConnectionChange?.(brokerId, false, 'removed');
  }

  /** Stops every link. */
  close(): void {
    for (const brokerId of [...this.links.keys()]) this.removePeer(brokerId);
  }

  isConnected(brokerId: number): boolean {
    return this.links.get(brokerId)?.state === 'open';
  }

  /** Bytes waiting for the peer: queued since the last flush plus unsent in its socket. */
  queuedBytes(brokerId: number): number {
    return this.links.get(brokerId)?.queuedBytes ?? 0;
  }

  /**
   * Queues one group's messages for a peer until the next flush(). The messages are encoded then, so neither they
   * nor their entries' data may change before it. Messages that cannot be queued go to onDropped at once. Throws
   * on a message type that never leaves a node (Hup, Beat, Prop, …).
   */
  send(toBroker: number, groupId: GroupId, messages: readonly Message[]): void {
    if (messages.length === 0) return;
    // Checked here, not at flush, so a caller's bug throws at its call site and cannot strand other messages.
    for (const m of messages) assertSendable(m);
    const link = this.links.get(toBroker);
    if (!link) return this.drop(toBroker, groupId, messages, 'unknown-peer');
    // A socket the peer has begun closing would swallow what we write without a word until its 'close' event.
    if (link.state !== 'open' || link.socket?.readyState !== WebSocket.OPEN) {
      return this.drop(toBroker, groupId, messages, 'disconnected');
    }
    const frameRoomBytes = this.maxFrameBytes - MAX_FRAME_OVERHEAD_BYTES;
    let queuedBytes = link.queuedBytes;
    let queue = link.pending.get(groupId);
    let dropped: Message[] | undefined;
    for (const m of messages) {
      const coalesced = (link.coalescer.size + 1) * MAX_COALESCED_HEARTBEAT_BYTES <= frameRoomBytes
        && queuedBytes + MAX_COALESCED_HEARTBEAT_BYTES <= this.maxQueueBytes && link.coalescer.maybeAdd(groupId, m);
      if (coalesced) {
        link.pendingBytes += MAX_COALESCED_HEARTBEAT_BYTES;
        queuedBytes += MAX_COALESCED_HEARTBEAT_BYTES;
        continue;
      }
      const bytes = maxEncodedMessageBytes(m);
      // Raft's maxSizePerMsgBytes keeps appends far below a frame; a message that still does not fit never will.
      if (bytes + MAX_GROUP_OVERHEAD_BYTES > frameRoomBytes) {
        this.drop(toBroker, groupId, [m], 'too-large');
      } else if (queuedBytes + bytes > this.maxQueueBytes) {
        (dropped ??= []).push(m);
      } else {
        if (!queue) link.pending.set(groupId, (queue = []));
        queue.push(m);
        link.pendingBytes += bytes;
        queuedBytes += bytes;
      }
    }
    link.metrics.queueBytes.set(queuedBytes);
    if (dropped) this.drop(toBroker, groupId, dropped, 'queue-full');
  }

  /** Sends each peer everything queued for it: all groups' messages and coalesced heartbeats, in one frame. */
  flush(): void {
    for (const link of this.links.values()) {
      if (link.pendingBytes > 0) this.flushLink(link);
    }
  }

  private flushLink(link: PeerLink): void {
    const socket = link.socket;
    if (link.state !== 'open' || !socket) return this.dropPending(link, 'disconnected');
    const frameRoomBytes = this.maxFrameBytes - MAX_FRAME_OVERHEAD_BYTES;
    let heartbeats = link.coalescer.take();
    let frameBytes = (heartbeats.heartbeats?.groupIds.length ?? 0) * MAX_COALESCED_HEARTBEAT_BYTES
      + (heartbeats.heartbeatResponses?.groupIds.length ?? 0) * MAX_COALESCED_HEARTBEAT_BYTES;
    let groups: GroupMessages[] = [];
    const sendFrame = () => {
      if (groups.length === 0 && !heartbeats.heartbeats && !heartbeats.heartbeatResponses) return;
      const bytes = encodeRaftBatch({ groups, ...heartbeats });
      socket.send(bytes, { binary: true });
      link.metrics.sentBytes.inc(bytes.length);
      link.metrics.sentFrames.inc();
      groups = [];
      heartbeats = {};
      frameBytes = 0;
    };
    // A group's messages may be split across frames when one frame would be too large; they stay in order, as
    // frames on one connection do.
    for (const [groupId, messages] of link.pending) {
      let first = 0;
      let groupBytes = MAX_GROUP_OVERHEAD_BYTES;
      for (let i = 0; i < messages.length; i++) {
        const bytes = maxEncodedMessageBytes(messages[i]);
        if (frameBytes + groupBytes + bytes > frameRoomBytes) {
          if (i > first) groups.push({ groupId, messages: messages.slice(first, i) });
          sendFrame();
          first = i;
          groupBytes = MAX_GROUP_OVERHEAD_BYTES;
        }
        groupBytes += bytes;
      }
      groups.push({ groupId, messages: first === 0 ? messages : messages.slice(first) });
      frameBytes += groupBytes;
    }
    sendFrame();
    link.pending.clear();
    link.pendingBytes = 0;
    link.metrics.queueBytes.set(socket.bufferedAmount);
  }

  private dial(link: PeerLink): void {
    link.state = 'connecting';
    const socket = new WebSocket(link.url, {
      perMessageDeflate: false,
      handshakeTimeout: this.connectTimeoutMs,
      // The acceptor sends one small Hello, nothing else.
      maxPayload: 64 * 1024,
      // An all-zero mask makes ws skip masking, which otherwise copies and XORs every byte we send (megabytes of
      // appends per flush). Masking guards browsers' traffic against proxies that misread it; a broker talking to
      // its peers has neither.
      generateMask: zeroMask,
    });
    link.socket = socket;
    socket.on('open', () => {
      if (link.socket !== socket) return;
      link.state = 'handshaking';
      socket.send(this.helloFrame(), { binary: true });
    });
    socket.on('message', (data, isBinary) => {
      if (link.socket === socket) this.handleReply(link, socket, data as Buffer, isBinary);
    });
    socket.on('pong', () => {
      link.pongSeen = true;
    });
    // Every failure ends in 'close', where it is handled; without a listener 'error' would throw.
    socket.on('error', () => {});
    socket.on('close', (code, reason) => {
      if (link.socket === socket) this.handleClose(link, code, reason.toString() || `close code ${code}`);
    });
  }

  private handleReply(link: PeerLink, socket: WebSocket, data: Buffer, isBinary: boolean): void {
    const refuse = (reason: string) => {
      this.options.onConnectionChange?.(link.brokerId, false, reason);
      link.attempt = Math.max(link.attempt, 30); // a misconfiguration: retry only at the slowest pace
      socket.terminate();
    };
    if (link.state !== 'handshaking' || !isBinary) return refuse(`unexpected ${isBinary ? 'binary' : 'text'} frame from the peer`);
    let reply;
    try {
      reply = decodePeerFrame(data);
    } catch (err) {
      return refuse(`peer answered with a malformed hello: ${(err as Error).message}`);
    }
    if (reply.kind !== 'hello') return refuse('peer answered with something other than a hello');
    const { brokerId, clusterId } = reply.hello;
    if (brokerId !== link.brokerId) return refuse(`${link.url} is broker ${brokerId}, expected broker ${link.brokerId}`);
    if (clusterId !== this.options.clusterId) {
      return refuse(`broker ${brokerId} is in cluster '${clusterId}', expected '${this.options.clusterId}'`);
    }
    this.options.onPeerHello?.(reply.hello);
    this.becomeOpen(link, socket);
  }

  private becomeOpen(link: PeerLink, socket: WebSocket): void {
    link.state = 'open';
    link.attempt = 0;
    link.metrics.connected.set(1);
    if (this.pingIntervalMs > 0) {
      link.pongSeen = true;
      const ping = () => {
        if (link.socket !== socket) return;
        // No pong since the last ping: the peer or the path to it is gone even if TCP has not noticed.
        if (!link.pongSeen) return socket.terminate();
        link.pongSeen = false;
        socket.ping();
        link.timer = this.timers.setTimeout(ping, this.pingIntervalMs);
      };
      link.timer = this.timers.setTimeout(ping, this.pingIntervalMs);
    }
    this.options.onConnectionChange?.(link.brokerId, true);
  }

  private handleClose(link: PeerLink, code: number, reason: string): void {
    const wasOpen = link.state === 'open';
    link.socket = undefined;
    this.timers.clearTimeout(link.timer);
    this.dropPending(link, 'connection-lost');
    link.metrics.queueBytes.set(0);
    if (wasOpen) link.metrics.connected.set(0);
    // A peer turning us away says why in the close reason (wrong cluster, version): worth telling the operator.
    if (wasOpen || code === CLOSE_POLICY_VIOLATION) this.options.onConnectionChange?.(link.brokerId, false, reason);
    if (link.state === 'removed') return;
    link.state = 'waiting';
    if (code === CLOSE_POLICY_VIOLATION) link.attempt = Math.max(link.attempt, 30);
    const delayMs = backoffDelayMs(link.attempt++, this.minBackoffMs, this.maxBackoffMs, this.random);
    link.timer = this.timers.setTimeout(() => {
      if (link.state !== 'waiting') return;
      link.metrics.reconnects.inc();
      this.dial(link);
    }, delayMs);
  }

  private dropPending(link: PeerLink, reason: DropReason): void {
    const { heartbeats, heartbeatResponses } = link.coalescer.take();
    const pending = [...link.pending];
    link.pending.clear();
    link.pendingBytes = 0;
    for (const [groupId, messages] of pending) this.drop(link.brokerId, groupId, messages, reason);
    const dropOne = (groupId: GroupId, m: Message) => this.drop(link.brokerId, groupId, [m], reason);
    if (heartbeats) expandHeartbeats(heartbeats, MessageType.Heartbeat, dropOne);
    if (heartbeatResponses) expandHeartbeats(heartbeatResponses, MessageType.HeartbeatResp, dropOne);
  }

  private drop(toBroker: number, groupId: GroupId, messages: readonly Message[], reason: DropReason): void {
    this.metrics.droppedMessages.labels(String(toBroker), reason).inc(messages.length);
    this.options.onDropped?.(toBroker, groupId, messages, reason);
  }
}
