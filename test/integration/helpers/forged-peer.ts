// Every raw broker↔broker connection the tests make: speaking to a broker's peer endpoint as broker N (forged Raft
// messages, the peer fuzzer's frames), and tapping what real brokers send each other (the fuzzer's seed frames).
//
// connectAsBroker() is the one place a test says who it is to a peer endpoint: today the peer protocol's Hello,
// which names a broker and a cluster id and proves neither. When peer connections authenticate, only it changes;
// every test that forges a message goes through it.
import net from 'node:net';
import WebSocket from 'ws';
import type { Message, MessageType } from '../../../broker/raft';
import {
  decodePeerFrame, encodeHello, encodeRaftBatch, NO_STORE_STATE, PEER_PROTOCOL_VERSION, type GroupMessages,
} from '../../../broker/replication';

/** Where a broker's peer endpoint listens (it shares the client port today). */
export function peerUrl(port: number): string {
  return `ws://127.0.0.1:${port}/peer`;
}

export interface ForgedPeer {
  /** Sends one frame of Raft messages, encoded as a broker's transport would. */
  sendBatch(groups: readonly GroupMessages[]): void;
  /** Sends bytes as one binary frame, whatever they are. */
  sendBytes(bytes: Uint8Array): void;
  /** Bytes handed to the socket and not yet written. */
  readonly bufferedAmount: number;
  readonly isOpen: boolean;
  /** Resolves with the close code once the connection is gone. */
  readonly closed: Promise<number>;
  /** Closes after what was sent has been written. */
  close(): Promise<void>;
}

/**
 * Opens a connection to the peer endpoint at `url` and introduces itself as broker `asBroker` of `clusterId`;
 * resolves once the endpoint answered with its own Hello, i.e. accepted us as that broker. Rejects if it turns us away.
 */
export async function connectAsBroker(url: string, asBroker: number, clusterId: string): Promise<ForgedPeer> {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(encodeHello({ brokerId: asBroker, clusterId, protocolVersion: PEER_PROTOCOL_VERSION, ...NO_STORE_STATE }), { binary: true });
    });
    ws.once('message', (data: Buffer) => {
      const reply = decodePeerFrame(new Uint8Array(data));
      if (reply.kind === 'hello') resolve();
      else reject(new Error('the peer endpoint answered the hello with something else'));
    });
    void closed.then((code) => reject(new Error(`the peer endpoint closed the connection (code ${code}) before accepting broker ${asBroker}`)));
  });
  return {
    sendBatch: (groups) => ws.send(encodeRaftBatch({ groups }), { binary: true }),
    sendBytes: (bytes) => ws.send(bytes, { binary: true }),
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    get isOpen() {
      return ws.readyState === WebSocket.OPEN;
    },
    closed,
    close: async () => {
      if (ws.readyState === WebSocket.OPEN) ws.close();
      await closed;
    },
  };
}

/** Connects as `asBroker`, sends the frames in order, and closes once they are written. */
export async function sendForged(url: string, asBroker: number, clusterId: string, ...frames: ReadonlyArray<readonly GroupMessages[]>): Promise<void> {
  const peer = await connectAsBroker(url, asBroker, clusterId);
  for (const groups of frames) peer.sendBatch(groups);
  await peer.close();
}

/** A Raft message with every field present, as the codec hands them to a host. */
export function raftMessage(type: MessageType, from: number, to: number, term: number, fields: Partial<Message> = {}): Message {
  return { type, from, to, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0, ...fields };
}

/**
 * A TCP relay in front of a broker's port that keeps a copy of the binary WebSocket frames its clients send (up to
 * `maxFrames`, each at most `maxFrameBytes`): point a broker's seed entry for a peer at it, and it records the real
 * Raft frames that broker sends that peer, Hellos included. Frames from the peer transport are masked with a zero
 * key (it skips masking), so their payload is read as it is; other masks are applied.
 */
export class PeerTap {
  readonly frames: Uint8Array[] = [];
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly targetPort: number, private readonly maxFrames: number, private readonly maxFrameBytes: number) {
    this.server = net.createServer((client) => this.relay(client));
  }

  static async start(targetPort: number, options: { maxFrames?: number; maxFrameBytes?: number } = {}): Promise<PeerTap> {
    const tap = new PeerTap(targetPort, options.maxFrames ?? 2_000, options.maxFrameBytes ?? 256 * 1024);
    await new Promise<void>((resolve) => tap.server.listen(0, '127.0.0.1', resolve));
    return tap;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.once('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    let pending: Buffer = Buffer.alloc(0);
    let upgraded = false;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (this.frames.length >= this.maxFrames) return;
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        pending = pending.subarray(end + 4);
        upgraded = true;
      }
      pending = this.takeFrames(pending);
    });
  }

  /** Records every whole frame at the start of `buffer`; returns what is left of it. */
  private takeFrames(buffer: Buffer): Buffer {
    for (;;) {
      if (buffer.length < 2) return buffer;
      const opcode = buffer[0] & 0x0f;
      const masked = (buffer[1] & 0x80) !== 0;
      let length = buffer[1] & 0x7f;
      let at = 2;
      if (length === 126) {
        if (buffer.length < 4) return buffer;
        length = buffer.readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return buffer;
        length = Number(buffer.readBigUInt64BE(2));
        at = 10;
      }
      const mask = masked ? buffer.subarray(at, at + 4) : undefined;
      if (masked) at += 4;
      if (buffer.length < at + length) {
        // A frame too large to keep is skipped once whole; until then, nothing after it can be read.
        return buffer;
      }
      if (opcode === 0x2 && length <= this.maxFrameBytes && this.frames.length < this.maxFrames) {
        const payload = Uint8Array.from(buffer.subarray(at, at + length));
        if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
        this.frames.push(payload);
      }
      buffer = buffer.subarray(at + length);
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
