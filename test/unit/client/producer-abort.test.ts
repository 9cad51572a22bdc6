// What abort() and Rafter.close() report for what they fail: persisted 'maybe' for anything an attempt may have
// written (a lost answer, a leader that lost leadership with the write pending), so an application that resends
// only what says 'no' never duplicates; 'no' for what was never sent or only ever definitely refused.
import { ErrorCode } from '../../../client/protocol';
import { Rafter, RafterClosedError } from '../../../client';
import type { Producer } from '../../../client/producer/producer';
import { FakeBroker } from './fake-broker';

/** Resolves on the producer's first retry of a batch: the failed attempt is settled, the retry waits out its backoff. */
function firstRetry(producer: Producer): Promise<unknown> {
  return new Promise((resolve) => {
    const remove = producer.events.on('retry', ({ error }) => {
      remove();
      resolve(error);
    });
  });
}

describe('Producer abort and Rafter.close report what may have been written', () => {
  let broker: FakeBroker;
  let client: Rafter;

  beforeEach(async () => {
    broker = await FakeBroker.start();
    broker.createTopic('t', 1);
    client = new Rafter({ brokers: [broker.address], requestTimeoutMs: 100, retry: { initialRetryTimeMs: 5, maxRetryTimeMs: 20, retries: 3 } });
  });

  afterEach(async () => {
    await client.close();
    await broker.stop();
  });

  /** A producer whose retries wait long enough for the test to abort between an attempt and its retry. */
  const slowRetrying = () => client.producer({ lingerMs: 0, retry: { initialRetryTimeMs: 60_000, maxRetryTimeMs: 60_000 } });

  it('abort(): maybe for a batch written but whose answer was lost, waiting for its retry', async () => {
    const producer = slowRetrying();
    await producer.send({ topic: 't', value: 'first' });
    broker.lostAcks.push('drop');
    const retried = firstRetry(producer);
    const sent = producer.send({ topic: 't', value: 'lost-ack' }).catch((e: unknown) => e);
    expect(await retried).toMatchObject({ code: 'REQUEST_TIMEOUT' });
    producer.abort();
    const error = await sent;
    expect(error).toBeInstanceOf(RafterClosedError);
    expect(error).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });
    // And it was indeed written: resending it as "certainly not written" would have duplicated it.
    expect(broker.storedValues('t', 0)).toEqual(['first', 'lost-ack']);
  });

  it('Rafter.close(): maybe for a batch written but whose answer was lost', async () => {
    const producer = slowRetrying();
    await producer.send({ topic: 't', value: 'first' });
    broker.lostAcks.push('disconnect');
    const retried = firstRetry(producer);
    const sent = producer.send({ topic: 't', value: 'lost-ack' }).catch((e: unknown) => e);
    expect(await retried).toMatchObject({ code: 'CONNECTION_ERROR', persisted: 'maybe' });
    await client.close();
    expect(await sent).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });
    expect(broker.storedValues('t', 0)).toEqual(['first', 'lost-ack']);
  });

  it('abort(): maybe after NOT_LEADER, which a leader answers for writes it had proposed when it loses leadership', async () => {
    const producer = slowRetrying();
    await producer.send({ topic: 't', value: 'first' });
    broker.injectedErrors.set('t/0', [{ code: ErrorCode.NOT_LEADER }]);
    const retried = firstRetry(producer);
    const sent = producer.send({ topic: 't', value: 'pending' }).catch((e: unknown) => e);
    expect(await retried).toMatchObject({ code: 'NOT_LEADER' });
    producer.abort();
    expect(await sent).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });
  });

  it('abort(): no for a batch never sent, and for one only ever definitely refused', async () => {
    const producer = slowRetrying();
    await producer.send({ topic: 't', value: 'first' });
    broker.injectedErrors.set('t/0', [{ code: ErrorCode.LEADER_NOT_AVAILABLE }]);
    const retried = firstRetry(producer);
    const refused = producer.send({ topic: 't', value: 'refused' }).catch((e: unknown) => e);
    expect(await retried).toMatchObject({ code: 'LEADER_NOT_AVAILABLE', persisted: 'no' });
    const lingering = client.producer({ lingerMs: 60_000 });
    const unsent = lingering.send({ topic: 't', value: 'unsent' }).catch((e: unknown) => e);
    producer.abort();
    lingering.abort();
    expect(await refused).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'no' });
    expect(await unsent).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'no' });
    expect(broker.storedValues('t', 0)).toEqual(['first']);
  });
});
