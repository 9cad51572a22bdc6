import { decodeFrame, encodeFrame } from '../../../client/protocol';

describe('decoded 64-bit fields', () => {
  // Regression: the generated prototypes took Long objects as defaults when the Long override ran after the
  // generated code had loaded, so an absent high watermark decoded as { low, high, unsigned } instead of 0.
  it('default to the number 0 when absent from the wire', () => {
    const frame = decodeFrame(encodeFrame({ correlationId: 1, fetchResponse: { partitions: [{ topic: 't' }] } }));
    const result = frame.fetchResponse!.partitions![0];
    expect(result.highWatermark).toBe(0);
    expect(result.logStartOffset).toBe(0);
  });
});
