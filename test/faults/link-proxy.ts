// A TCP proxy per directed broker link, so the nemesis can cut, slow, reorder or lose one direction between two
// brokers. Broker A reaches broker B at the port of link A→B (A's seed list names it); everything on connections A
// dials to B — A's Raft frames, B's hello reply and pongs, A's GET /cluster/leaders polls — goes through that link.
// B's own traffic to A takes link B→A. So "A→B down" is a one-way partition at the level that matters to Raft: A's
// messages never reach B while B's still reach A.
//
// A link that is down is a black hole, as a real partition is: its connections stay open and go silent (nothing is
// read, so the sender's buffers fill as TCP's would), new ones are accepted and never answered; when the link comes
// back they are reset, as a firewall or NAT that forgot them would. Delay holds each piece for delayMs plus up to
// jitterMs, in order. Reordering and loss work on whole WebSocket frames (see stream-pieces.ts), never on the
// handshake: a frame may be held up to reorderMs more than its neighbours, or lost with probability dropRate.
//
// Bounds: at most MAX_HELD_BYTES wait in one direction of one connection; past that the proxy stops reading from the
// sender until it has released half, and it never writes faster than the receiver takes. Only 127.0.0.1.
import net from 'node:net';
import type { Prng } from '../sim/prng';
import { StreamPieces, type Piece } from './stream-pieces';

export interface LinkFaults {
  readonly up: boolean;
  readonly delayMs: number;
  readonly jitterMs: number;
  readonly reorderMs: number;
  readonly dropRate: number;
}

export const HEALTHY_LINK: LinkFaults = { up: true, delayMs: 0, jitterMs: 0, reorderMs: 0, dropRate: 0 };

export const MAX_HELD_BYTES = 16 * 1024 * 1024;
const RESUME_BELOW_BYTES = MAX_HELD_BYTES / 2;

interface Unit {
  readonly bytes: Buffer;
  readonly releaseAtMs: number;
}

/** One direction of one proxied connection. */
class Pipe {
  private readonly pieces: StreamPieces;
  /** Units by release time; equal times keep arrival order. */
  private queue: Unit[] = [];
  private heldBytes = 0;
  /** The latest release time given to any unit: an in-order unit goes no earlier. */
  private latestReleaseMs = 0;
  /** The release time of the last in-order unit: a reordered frame may overtake other frames, never it. */
  private lastOrderedReleaseMs = 0;
  /** A frame gathered whole because it may be reordered or lost. */
  private gathering: Buffer[] | undefined;
  /** Whether the frame being gathered may be reordered or lost (decided at its first piece). */
  private gatheringFreely = false;
  private timer: NodeJS.Timeout | undefined;
  private blocked = false;
  private sourceEnded = false;
  private readablePaused = false;
  private severed = false;

  constructor(
    direction: 'request' | 'response',
    private readonly source: net.Socket,
    private readonly sink: net.Socket,
    private readonly link: LinkProxy,
  ) {
    this.pieces = new StreamPieces(direction);
    source.on('data', (chunk: Buffer) => this.handleData(chunk));
    source.on('end', () => {
      this.sourceEnded = true;
      this.release();
    });
    sink.on('drain', () => {
      this.blocked = false;
      this.release();
    });
  }

  /** The link went down: what waits is lost, and nothing more is read. */
  sever(): void {
    this.severed = true;
    this.queue = [];
    this.heldBytes = 0;
    this.gathering = undefined;
    clearTimeout(this.timer);
    this.source.pause();
  }

  /** The sink connected: release what arrived meanwhile. */
  sinkReady(): void {
    this.release();
  }

  private handleData(chunk: Buffer): void {
    if (this.severed) return;
    const faults = this.link.faults;
    for (const piece of this.pieces.push(chunk)) this.handlePiece(piece, faults);
    this.link.peakHeldBytes = Math.max(this.link.peakHeldBytes, this.heldBytes);
    if (this.heldBytes > MAX_HELD_BYTES && !this.readablePaused) {
      this.readablePaused = true;
      this.source.pause();
    }
    this.release();
  }

  private handlePiece(piece: Piece, faults: LinkFaults): void {
    if (piece.kind === 'raw') return this.enqueue(piece.bytes, true, faults);
    if (piece.first) {
      // Reordering and loss need the frame whole; the hello (the first data frame) and control frames stay in order.
      const mayMisbehave = faults.reorderMs > 0 || faults.dropRate > 0;
      const eligible = piece.info.opcode === 2 && piece.info.fin && piece.info.dataIndex > 0;
      this.gathering = mayMisbehave ? [] : undefined;
      this.gatheringFreely = mayMisbehave && eligible;
    }
    if (this.gathering === undefined) return this.enqueue(piece.bytes, true, faults);
    this.gathering.push(piece.bytes);
    if (!piece.last) return;
    const frame = Buffer.concat(this.gathering);
    this.gathering = undefined;
    if (this.gatheringFreely && this.link.rng.chance(faults.dropRate)) {
      this.link.droppedFrames++;
      return;
    }
    this.enqueue(frame, !this.gatheringFreely, faults);
  }

  private enqueue(bytes: Buffer, inOrder: boolean, faults: LinkFaults): void {
    if (bytes.length === 0) return;
    const now = Date.now();
    const rng = this.link.rng;
    let at = now + faults.delayMs + (faults.jitterMs > 0 ? rng.int(faults.jitterMs + 1) : 0);
    if (inOrder) {
      at = Math.max(at, this.latestReleaseMs);
      this.lastOrderedReleaseMs = at;
    } else {
      at = Math.max(at + (faults.reorderMs > 0 ? rng.int(faults.reorderMs + 1) : 0), this.lastOrderedReleaseMs);
    }
    this.latestReleaseMs = Math.max(this.latestReleaseMs, at);
    const unit = { bytes, releaseAtMs: at };
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].releaseAtMs > at) i--;
    this.queue.splice(i, 0, unit);
    this.heldBytes += bytes.length;
  }

  private release(): void {
    if (this.severed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    const writable = this.sink.readyState === 'open' || this.sink.readyState === 'writeOnly';
    while (!this.blocked && writable && this.queue.length > 0 && this.queue[0].releaseAtMs <= now) {
      const unit = this.queue.shift()!;
      this.heldBytes -= unit.bytes.length;
      if (!this.sink.write(unit.bytes)) this.blocked = true;
    }
    if (this.readablePaused && this.heldBytes < RESUME_BELOW_BYTES) {
      this.readablePaused = false;
      this.source.resume();
    }
    if (this.queue.length > 0 && !this.blocked && writable) {
      this.timer = setTimeout(() => this.release(), Math.max(1, this.queue[0].releaseAtMs - now));
    } else if (this.queue.length === 0 && this.sourceEnded && writable) {
      this.sink.end();
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.queue = [];
  }
}

/** One accepted connection and the one the proxy opened to the target for it. */
class ProxiedConnection {
  private readonly upstream: net.Socket | undefined;
  private readonly pipes: Pipe[] = [];
  private closed = false;

  constructor(private readonly client: net.Socket, link: LinkProxy, silent: boolean) {
    // An error resets both sides; a clean close ends the other side once what it sent has been passed on (Pipe).
    const onClose = (hadError: boolean) => {
      if (hadError || (client.destroyed && (this.upstream?.destroyed ?? true))) this.destroy();
    };
    client.on('error', () => this.destroy());
    client.on('close', onClose);
    if (silent) {
      // Accepted into a black hole: never answered, reset when the link comes back.
      client.pause();
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port: link.targetPort() });
    this.upstream = upstream;
    upstream.on('error', () => this.destroy());
    upstream.on('close', onClose);
    const request = new Pipe('request', client, upstream, link);
    const response = new Pipe('response', upstream, client, link);
    this.pipes.push(request, response);
    upstream.on('connect', () => request.sinkReady());
  }

  sever(): void {
    for (const pipe of this.pipes) pipe.sever();
    this.client.pause();
    this.upstream?.pause();
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    for (const pipe of this.pipes) pipe.close();
    this.client.resetAndDestroy();
    this.upstream?.resetAndDestroy();
    this.onClosed?.();
  }

  onClosed: (() => void) | undefined;
}

/** The proxy of one directed link: listens on its own port, forwards to the target broker's real port. */
export class LinkProxy {
  faults: LinkFaults = HEALTHY_LINK;
  droppedFrames = 0;
  /** The most bytes one direction of one connection has held (bounded by MAX_HELD_BYTES plus one chunk). */
  peakHeldBytes = 0;
  private readonly live = new Set<ProxiedConnection>();
  /** Connections that saw the link down: silent until it comes back, then reset. */
  private readonly severed = new Set<ProxiedConnection>();

  private constructor(
    readonly from: number,
    readonly to: number,
    private readonly server: net.Server,
    readonly port: number,
    readonly targetPort: () => number,
    readonly rng: Prng,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async listen(from: number, to: number, targetPort: () => number, rng: Prng): Promise<LinkProxy> {
    const server = net.createServer({ noDelay: true, pauseOnConnect: false });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new LinkProxy(from, to, server, (server.address() as net.AddressInfo).port, targetPort, rng);
  }

  set(faults: Partial<LinkFaults>): void {
    const wasUp = this.faults.up;
    this.faults = { ...this.faults, ...faults };
    if (wasUp && !this.faults.up) {
      for (const c of this.live) {
        c.sever();
        this.severed.add(c);
      }
      this.live.clear();
    } else if (!wasUp && this.faults.up) {
      for (const c of [...this.severed]) c.destroy();
      this.severed.clear();
    }
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const down = !this.faults.up;
    const connection = new ProxiedConnection(socket, this, down);
    const home = down ? this.severed : this.live;
    home.add(connection);
    connection.onClosed = () => {
      this.live.delete(connection);
      this.severed.delete(connection);
    };
  }

  async close(): Promise<void> {
    for (const c of [...this.live, ...this.severed]) c.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Every directed link between the brokers of a cluster. */
export class ProxyMesh {
  private constructor(private readonly links: ReadonlyMap<string, LinkProxy>) {}

  static async start(brokerIds: readonly number[], realPort: (id: number) => number, rng: Prng): Promise<ProxyMesh> {
    const links = new Map<string, LinkProxy>();
    for (const from of brokerIds) {
      for (const to of brokerIds) {
        if (from === to) continue;
        links.set(`${from}>${to}`, await LinkProxy.listen(from, to, () => realPort(to), rng.fork()));
      }
    }
    return new ProxyMesh(links);
  }

  link(from: number, to: number): LinkProxy {
    const link = this.links.get(`${from}>${to}`);
    if (!link) throw new Error(`no link ${from}→${to}`);
    return link;
  }

  all(): LinkProxy[] {
    return [...this.links.values()];
  }

  /** The broker a proxy port leads to, or undefined if the port is not one of ours. */
  targetOfPort(port: number): number | undefined {
    return this.all().find((l) => l.port === port)?.to;
  }

  healAll(): void {
    for (const link of this.links.values()) link.set(HEALTHY_LINK);
  }

  droppedFrames(): number {
    return this.all().reduce((sum, l) => sum + l.droppedFrames, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((l) => l.close()));
  }
}
