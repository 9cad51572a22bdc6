// The frame codec: protobufjs static code generated from rafter.proto (`npm run proto`).
import protobuf from 'protobufjs/minimal';

// 64-bit fields decode as plain numbers: offsets and timestamps stay below 2^53, and Long objects would cost an
// allocation per field on the hot path. This must run before the generated code first decodes.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

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
