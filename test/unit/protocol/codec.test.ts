import { decodeFrame, encodeFrame, ErrorCode, errorRule, ERROR_RULES, rafter } from '../../../client/protocol';

describe('frame codec', () => {
  it('round-trips every request and response body with its correlation id', () => {
    const bodies: rafter.Frame.$Properties[] = [
      { metadataRequest: { topics: ['a', 'b'] } },
      { metadataResponse: { brokers: [{ id: 1, host: '127.0.0.1', port: 9092 }], controllerId: 1, clusterId: 'c',
        topics: [{ name: 'a', partitions: [{ partition: 0, leaderId: 1, replicas: [1], inSyncReplicas: [1] }] }] } },
      { createTopicRequest: { name: 't', partitions: 4, replicationFactor: 1, partitioning: rafter.Partitioning.RANGE,
        splitKeys: [Buffer.from('g'), Buffer.from('p'), Buffer.from('w')] } },
      { createTopicResponse: { error: ErrorCode.TOPIC_ALREADY_EXISTS, errorMessage: 'exists' } },
      { listTopicsRequest: {} },
      { describeTopicRequest: { name: 't' } },
      { produceRequest: { acks: rafter.Acks.ACKS_LEADER, timeoutMs: 100,
        partitions: [{ topic: 't', partition: 3, batch: new Uint8Array([1, 2, 3]) }] } },
      { produceResponse: { partitions: [{ topic: 't', partition: 3, baseOffset: 2 ** 40, leaderId: 1 }] } },
      { fetchRequest: { maxWaitMs: 500, minBytes: 1, maxBytes: 1 << 20,
        partitions: [{ topic: 't', partition: 0, offset: 2 ** 52 + 1 }] } },
      { fetchResponse: { partitions: [{ topic: 't', partition: 0, highWatermark: 7, batches: [new Uint8Array([9])] }] } },
      { listOffsetsRequest: { partitions: [{ topic: 't', partition: 0, timestampMs: -2 }] } },
      { listOffsetsResponse: { partitions: [{ topic: 't', partition: 0, offset: 12, timestampMs: -1 }] } },
      { errorResponse: { error: ErrorCode.INVALID_REQUEST, errorMessage: 'bad' } },
    ];
    bodies.forEach((body, i) => {
      const bytes = encodeFrame({ correlationId: i + 1, ...body });
      const decoded = decodeFrame(bytes);
      expect(decoded.correlationId).toBe(i + 1);
      expect(decoded.body).toBe(Object.keys(body)[0]);
      // Equal re-encodings mean no field was lost or altered on the way through.
      expect(Buffer.from(encodeFrame(decoded))).toEqual(Buffer.from(bytes));
    });
    const [produced] = decodeFrame(encodeFrame({ correlationId: 1, ...bodies[6] })).produceRequest?.partitions ?? [];
    expect(produced).toMatchObject({ topic: 't', partition: 3 });
    expect(Array.from(produced?.batch ?? [])).toEqual([1, 2, 3]);
  });

  it('decodes 64-bit offsets as plain numbers up to 2^53', () => {
    const frame = decodeFrame(encodeFrame({ fetchRequest: { partitions: [{ topic: 't', partition: 0, offset: 2 ** 53 - 1 }] } }));
    expect(frame.fetchRequest?.partitions?.[0].offset).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects garbage bytes with an exception rather than a half-decoded frame', () => {
    expect(() => decodeFrame(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow();
  });

  it('gives every error code a rule, and only transient ones are retriable', () => {
    const codes = Object.values(rafter.ErrorCode).filter((v): v is number => typeof v === 'number');
    for (const code of codes) expect(ERROR_RULES[code as ErrorCode]).toBeDefined();
    expect(errorRule(ErrorCode.NOT_LEADER)).toMatchObject({ retriable: true, refreshMetadata: true, persisted: 'maybe' });
    expect(errorRule(ErrorCode.REQUEST_TIMED_OUT)).toMatchObject({ retriable: true, persisted: 'maybe' });
    expect(errorRule(ErrorCode.CORRUPT_BATCH).retriable).toBe(false);
  });
});
