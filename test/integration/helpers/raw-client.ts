// A bare protocol client over `ws` for broker tests: sends frames, matches responses by correlation id, and can send
// arbitrary bytes. The SDK is not used here on purpose: these tests pin down what the broker does with raw frames.
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, type rafter } from '../../../client/protocol';

export type RequestBody = Omit<rafter.Frame.$Properties, 'correlationId'>;

export class RawClient {
  private nextCorrelationId = 1;
  private readonly waiting = new Map<number, (frame: rafter.Frame) => void>();
  /** Frames no request was waiting for (e.g. answers to correlation id 0). */
  readonly unmatched: rafter.Frame[] = [];
  private unmatchedWaiter: (() => void) | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data));
      const resolve = this.waiting.get(frame.correlationId);
      if (resolve) {
        this.waiting.delete(frame.correlationId);
        resolve(frame);
      } else {
        this.unmatched.push(frame);
        this.unmatchedWaiter?.();
      }
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(url: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: 256 * 1024 * 1024 });
      ws.binaryType = 'nodebuffer';
      ws.once('open', () => resolve(new RawClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends one request frame and resolves with the response frame carrying its correlation id. */
  request(body: RequestBody): Promise<rafter.Frame> {
    const correlationId = this.nextCorrelationId++;
    const response = this.expect(correlationId);
    this.ws.send(encodeFrame({ correlationId, ...body }));
    return response;
  }

  /** Sends a request no answer is expected to (acks=none); returns its correlation id. */
  send(body: RequestBody): number {
    const correlationId = this.nextCorrelationId++;
    this.ws.send(encodeFrame({ correlationId, ...body }));
    return correlationId;
  }

  expect(correlationId: number): Promise<rafter.Frame> {
    return new Promise((resolve) => this.waiting.set(correlationId, resolve));
  }

  sendBytes(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  /** The next frame that answered no pending request. */
  async nextUnmatched(): Promise<rafter.Frame> {
    while (this.unmatched.length === 0) await new Promise<void>((resolve) => { this.unmatchedWaiter = resolve; });
    return this.unmatched.shift()!;
  }

  close(): void {
    this.ws.close();
  }
}
