import { decodeFrame, encodeFrame, ErrorCode, rafter } from '../../../client/protocol';
import { errorBodyFor, peekCorrelationId, requestTypeLabel } from '../../../broker/server';
import { parseFetch, parseListOffsets, parseProduce } from '../../../broker/server/requests';
import { fetchLimits } from '../../../broker/server/fetch-operation';
import { maxPayloadLength } from '../../../broker/server';

describe('peekCorrelationId', () => {
  it('reads the correlation id of an encoded frame without decoding the rest', () => {
    for (const id of [1, 127, 128, 300, 2 ** 31, 2 ** 32 - 1]) {
      const bytes = encodeFrame({ correlationId: id, metadataRequest: {} });
      expect(peekCorrelationId(bytes)).toBe(id);
      expect(peekCorrelationId(bytes.subarray(0, 6))).toBe(id);
    }
  });

  it('returns 0 for frames that do not start with one', () => {
    expect(peekCorrelationId(new Uint8Array([0xff, 0x01, 0x02]))).toBe(0);
    expect(peekCorrelationId(encodeFrame({ metadataRequest: {} }))).toBe(0);
    expect(peekCorrelationId(new Uint8Array([0x08, 0x80, 0x80]))).toBe(0); // truncated varint
    expect(peekCorrelationId(new Uint8Array([]))).toBe(0);
  });
});

describe('request parsing', () => {
  const decoded = (frame: rafter.Frame.$Properties) => decodeFrame(encodeFrame(frame));

  it('fills proto3 defaults: acks ALL, timeout 0, no producer token', () => {
    const f = decoded({ produceRequest: { partitions: [{ topic: 't', partition: 2, batch: new Uint8Array([1]) }] } });
    expect(parseProduce(f.produceRequest!)).toEqual({
      acks: rafter.Acks.ACKS_ALL, timeoutMs: 0, partitions: [{ topic: 't', partition: 2, batch: new Uint8Array([1]) }], tokenProducerId: 0,
    });
  });

  it('refuses an unknown acks value and empty partition lists', () => {
    const f = decoded({ produceRequest: { acks: 9 as rafter.Acks, partitions: [{ topic: 't', partition: 0 }] } });
    expect(parseProduce(f.produceRequest!)).toEqual({ invalid: expect.stringMatching(/acks 9/) });
    expect(parseProduce(decoded({ produceRequest: {} }).produceRequest!)).toEqual({ invalid: expect.any(String) });
    expect(parseFetch(decoded({ fetchRequest: { maxWaitMs: 5 } }).fetchRequest!)).toEqual({ invalid: expect.any(String) });
    expect(parseListOffsets(decoded({ listOffsetsRequest: {} }).listOffsetsRequest!)).toEqual({ invalid: expect.any(String) });
  });

  it('keeps an offset a client sent as -1 (uint64 2^64-1) as a number the partition will refuse', () => {
    const f = decoded({ fetchRequest: { partitions: [{ topic: 't', partition: 0, offset: -1 }] } });
    const parsed = parseFetch(f.fetchRequest!);
    if ('invalid' in parsed) throw new Error(parsed.invalid);
    expect(Number.isSafeInteger(parsed.partitions[0].offset) && parsed.partitions[0].offset >= 0).toBe(false);
  });

  it('bounds fetch waits and sizes by the broker limits; 0 max bytes means the broker maximum', () => {
    const base = { minBytes: 1, partitions: [] };
    expect(fetchLimits({ ...base, maxWaitMs: 60_000, maxBytes: 0 }, 1000, 500)).toEqual({ maxWaitMs: 500, minBytes: 1, maxBytes: 1000 });
    expect(fetchLimits({ ...base, maxWaitMs: 10, maxBytes: 50 }, 1000, 500)).toEqual({ maxWaitMs: 10, minBytes: 1, maxBytes: 50 });
  });
});

describe('error answers', () => {
  it('answer a request in its own response type, one error per requested partition', () => {
    const produce = decodeFrame(encodeFrame({ produceRequest: { partitions: [{ topic: 'a', partition: 1 }, { topic: 'b', partition: 0 }] } }));
    expect(errorBodyFor(produce, ErrorCode.BROKER_SHUTTING_DOWN, 'bye')).toEqual({ produceResponse: { partitions: [
      { topic: 'a', partition: 1, error: ErrorCode.BROKER_SHUTTING_DOWN, errorMessage: 'bye' },
      { topic: 'b', partition: 0, error: ErrorCode.BROKER_SHUTTING_DOWN, errorMessage: 'bye' },
    ] } });
    const create = decodeFrame(encodeFrame({ createTopicRequest: { name: 'x' } }));
    expect(errorBodyFor(create, ErrorCode.UNKNOWN, 'oops')).toEqual({ createTopicResponse: { error: ErrorCode.UNKNOWN, errorMessage: 'oops' } });
  });

  it('fall back to ErrorResponse for requests without an error field or without partitions', () => {
    const metadata = decodeFrame(encodeFrame({ metadataRequest: {} }));
    expect(errorBodyFor(metadata, ErrorCode.BROKER_SHUTTING_DOWN, 'bye')).toEqual({ errorResponse: { error: ErrorCode.BROKER_SHUTTING_DOWN, errorMessage: 'bye' } });
    const fetch = decodeFrame(encodeFrame({ fetchRequest: {} }));
    expect(errorBodyFor(fetch, ErrorCode.INVALID_REQUEST, 'none')).toEqual({ errorResponse: { error: ErrorCode.INVALID_REQUEST, errorMessage: 'none' } });
  });

  it('label requests by type in metrics', () => {
    expect(requestTypeLabel('produceRequest')).toBe('produce');
    expect(requestTypeLabel('listOffsetsRequest')).toBe('listOffsets');
    expect(requestTypeLabel(undefined)).toBe('none');
  });
});

describe('frame size limit', () => {
  it('receives frames somewhat above maxFrameBytes, to answer FRAME_TOO_LARGE rather than drop the connection', () => {
    expect(maxPayloadLength(8 << 20)).toBe((8 << 20) + (2 << 20));
    expect(maxPayloadLength(4096)).toBe(4096 + 65536);
  });
});
