// Cuts one direction of a proxied TCP stream into pieces the link proxy may hold, reorder or lose without breaking
// the stream: an HTTP head, then (after a WebSocket upgrade) WebSocket frames, or else opaque bytes. Broker↔broker
// traffic is WebSocket on /peer plus plain HTTP (GET /cluster/leaders), both on a broker's client port.
//
// Only whole WebSocket frames can be reordered or dropped: the peer transport sends one Raft batch per frame with
// no compression, so each frame stands alone. Bytes of one frame may arrive over several chunks; a piece says
// whether it starts and ends its frame, so the proxy can either stream a frame's pieces in order or gather it whole.

/** Where the WebSocket frame a piece belongs to stands in its direction. */
export interface FrameInfo {
  readonly opcode: number;
  readonly fin: boolean;
  /** Data frames (text, binary, continuation) seen before this one in this direction: 0 is the peer's hello. */
  readonly dataIndex: number;
}

export type Piece =
  | { readonly kind: 'raw'; readonly bytes: Buffer }
  | { readonly kind: 'frame'; readonly bytes: Buffer; readonly info: FrameInfo; readonly first: boolean; readonly last: boolean };

const HEAD_END = Buffer.from('\r\n\r\n');
/** An HTTP head longer than this is not one we expect: pass the stream through untouched. */
const MAX_HEAD_BYTES = 64 * 1024;

type Mode = 'head' | 'frames' | 'raw';

/** One direction of one connection. `push` returns the pieces a chunk completes or continues, in stream order. */
export class StreamPieces {
  private mode: Mode = 'head';
  private pendingHead: Buffer[] = [];
  private pendingHeadBytes = 0;
  /** Header bytes of a frame whose header is split over chunks. */
  private partialHeader: Buffer | undefined;
  private current: FrameInfo | undefined;
  private payloadLeft = 0;
  private startedCurrent = false;
  private dataFrames = 0;

  constructor(private readonly direction: 'request' | 'response') {}

  push(chunk: Buffer): Piece[] {
    const out: Piece[] = [];
    let rest = chunk;
    if (this.mode === 'head') {
      rest = this.takeHead(rest, out);
      if (rest.length === 0) return out;
    }
    if (this.mode === 'raw') {
      out.push({ kind: 'raw', bytes: rest });
      return out;
    }
    this.takeFrames(rest, out);
    return out;
  }

  private takeHead(chunk: Buffer, out: Piece[]): Buffer {
    this.pendingHead.push(chunk);
    this.pendingHeadBytes += chunk.length;
    const joined = this.pendingHead.length === 1 ? chunk : Buffer.concat(this.pendingHead);
    const end = joined.indexOf(HEAD_END);
    if (end < 0) {
      if (this.pendingHeadBytes > MAX_HEAD_BYTES) this.becomeRaw(joined, out);
      else this.pendingHead = [joined];
      return Buffer.alloc(0);
    }
    const head = joined.subarray(0, end + HEAD_END.length);
    this.pendingHead = [];
    this.pendingHeadBytes = 0;
    out.push({ kind: 'raw', bytes: head });
    const text = head.toString('latin1');
    const upgraded = this.direction === 'request'
      ? /^upgrade:\s*websocket\s*$/im.test(text)
      : /^HTTP\/1\.1 101/.test(text);
    this.mode = upgraded ? 'frames' : 'raw';
    return joined.subarray(head.length);
  }

  private becomeRaw(bytes: Buffer, out: Piece[]): void {
    this.mode = 'raw';
    this.pendingHead = [];
    out.push({ kind: 'raw', bytes });
  }

  private takeFrames(chunk: Buffer, out: Piece[]): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.current === undefined) {
        const header = this.readHeader(chunk, at);
        if (header === undefined) return; // the rest of the chunk is a partial header, kept for the next one
        at = header.next;
        this.current = header.info;
        this.payloadLeft = header.payloadBytes;
        this.startedCurrent = false;
        // The header goes out as the frame's first piece; an empty frame is complete with it.
        const last = this.payloadLeft === 0;
        out.push({ kind: 'frame', bytes: header.bytes, info: header.info, first: true, last });
        this.startedCurrent = true;
        if (last) this.current = undefined;
        continue;
      }
      const take = Math.min(this.payloadLeft, chunk.length - at);
      this.payloadLeft -= take;
      const last = this.payloadLeft === 0;
      out.push({ kind: 'frame', bytes: chunk.subarray(at, at + take), info: this.current, first: !this.startedCurrent, last });
      this.startedCurrent = true;
      at += take;
      if (last) this.current = undefined;
    }
  }

  private readHeader(chunk: Buffer, at: number): { bytes: Buffer; info: FrameInfo; payloadBytes: number; next: number } | undefined {
    const available = this.partialHeader ? Buffer.concat([this.partialHeader, chunk.subarray(at)]) : chunk.subarray(at);
    const carried = this.partialHeader?.length ?? 0;
    const need = headerBytes(available);
    if (need === undefined || available.length < need) {
      this.partialHeader = Buffer.from(available);
      return undefined;
    }
    this.partialHeader = undefined;
    const bytes = Buffer.from(available.subarray(0, need));
    const b0 = bytes[0];
    const len7 = bytes[1] & 0x7f;
    const payloadBytes = len7 < 126 ? len7 : len7 === 126 ? bytes.readUInt16BE(2) : Number(bytes.readBigUInt64BE(2));
    const opcode = b0 & 0x0f;
    const isData = opcode < 8;
    const info: FrameInfo = { opcode, fin: (b0 & 0x80) !== 0, dataIndex: isData ? this.dataFrames++ : this.dataFrames };
    return { bytes, info, payloadBytes, next: at + need - carried };
  }
}

/** Bytes in the frame header that starts `bytes`, or undefined while even its length is not known. */
function headerBytes(bytes: Buffer): number | undefined {
  if (bytes.length < 2) return undefined;
  const len7 = bytes[1] & 0x7f;
  const masked = (bytes[1] & 0x80) !== 0;
  const ext = len7 < 126 ? 0 : len7 === 126 ? 2 : 8;
  return 2 + ext + (masked ? 4 : 0);
}
