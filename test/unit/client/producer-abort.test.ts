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

  /**
   * A producer that has written 'first', then sends `value` with `arrange` making that attempt fail; resolves once it
   * failed and the retry waits (long enough for the test to abort in between).
   */
  async function afterFailedAttempt(arrange: () => void, value: string) {
    const producer = client.producer({ lingerMs: 0, retry: { initialRetryTimeMs: 60_000, maxRetryTimeMs: 60_000 } });
    await producer.send({ topic: 't', value: 'first' });
    arrange();
    const retried = firstRetry(producer);
    const outcome = producer.send({ topic: 't', value }).catch((e: unknown) => e);
    return { producer, attemptError: await retried, outcome };
  }

  it('abort(): maybe for a batch written but whose answer was lost, waiting for its retry', async () => {
    const { producer, attemptError, outcome } = await afterFailedAttempt(() => broker.lostAcks.push('drop'), 'lost-ack');
    expect(attemptError).toMatchObject({ code: 'REQUEST_TIMEOUT' });
    producer.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(RafterClosedError);
    expect(error).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });
    // And it was indeed written: resending it as "certainly not written" would have duplicated it.
    expect(broker.storedValues('t', 0)).toEqual(['first', 'lost-ack']);
  });

  it('Rafter.close(): maybe for a batch written but whose answer was lost', async () => {
    const { attemptError, outcome } = await afterFailedAttempt(() => broker.lostAcks.push('disconnect'), 'lost-ack');
    expect(attemptError).toMatchObject({ code: 'CONNECTION_ERROR', persisted: 'maybe' });
    await client.close();
    expect(await outcome).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });
    expect(broker.storedValues('t', 0)).toEqual(['first', 'lost-ack']);
  });

  it('abort(): maybe after NOT_LEADER, which a leader answers for writes it had proposed when it loses leadership', async () => {
    const notLeader = () => broker.injectedErrors.set('t/0', [{ code: ErrorCode.NOT_LEADER }]);
    const { producer, attemptError, outcome } = await afterFailedAttempt(notLeader, 'pending');
    expect(attemptError).toMatchObject({ code: 'NOT_LEADER' });
    producer.abort();
    expect(await outcome).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });
  });

  it('abort(): no for a batch never sent, and for one only ever definitely refused', async () => {
    const unavailable = () => broker.injectedErrors.set('t/0', [{ code: ErrorCode.LEADER_NOT_AVAILABLE }]);
    const { producer, attemptError, outcome } = await afterFailedAttempt(unavailable, 'refused');
    expect(attemptError).toMatchObject({ code: 'LEADER_NOT_AVAILABLE', persisted: 'no' });
    const lingering = client.producer({ lingerMs: 60_000 });
    const unsent = lingering.send({ topic: 't', value: 'unsent' }).catch((e: unknown) => e);
    producer.abort();
    lingering.abort();
    expect(await outcome).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'no' });
    expect(await unsent).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'no' });
    expect(broker.storedValues('t', 0)).toEqual(['first']);
  });
});
