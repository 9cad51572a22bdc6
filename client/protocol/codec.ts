// The frame codec: protobufjs static code generated from rafter.proto (`npm run proto`).
import './numbers-not-longs';
import { rafter } from './generated/rafter';

export { rafter };
export type Frame = rafter.Frame.$Properties;
export type FrameBody = NonNullable<rafter.Frame['body']>;

export function encodeFrame(frame: Frame): Uint8Array {
  return rafter.Frame.encode(frame).finish();
}

/** Decodes one frame. Throws on malformed input; `bytes` fields of the result are views into `bytes`. */
export function decodeFrame(bytes: Uint8Array): rafter.Frame {
  return rafter.Frame.decode(bytes);
}
