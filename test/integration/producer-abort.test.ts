// abort() on a real broker: a write sent to a paused broker times out, and the producer is aborted before its retry.
// The broker writes it once it runs again, so abort() must not have called it 'certainly not written'.
import { Rafter } from '../../client';
import { startBrokerProcess, stopAllBrokerProcesses } from '../../tools/broker-process';
import { take } from './helpers/take';

describe('Producer.abort() against a broker process', () => {
  afterAll(() => stopAllBrokerProcesses());

  it('reports persisted maybe for a write that timed out on a paused broker, which the broker then stores', async () => {
    const broker = await startBrokerProcess();
    const client = new Rafter({ brokers: [`127.0.0.1:${broker.port}`], requestTimeoutMs: 500 });
    const topic = 'aborted';
    await client.admin().createTopic({ topic, partitions: 1 });
    const producer = client.producer({ lingerMs: 0, retry: { initialRetryTimeMs: 60_000, maxRetryTimeMs: 60_000 } });
    await producer.send({ topic, value: 'before' });

    process.kill(broker.pid, 'SIGSTOP');
    let outcome: unknown;
    try {
      const retried = new Promise<unknown>((resolve) => producer.events.on('retry', ({ error }) => resolve(error)));
      const sent = producer.send({ topic, value: 'timed-out' }).catch((e: unknown) => e);
      expect(await retried).toMatchObject({ code: 'REQUEST_TIMEOUT' });
      producer.abort();
      outcome = await sent;
    } finally {
      process.kill(broker.pid, 'SIGCONT');
    }
    expect(outcome).toMatchObject({ code: 'CLIENT_CLOSED', persisted: 'maybe' });

    const reader = new Rafter({ brokers: [`127.0.0.1:${broker.port}`] });
    const consumer = reader.consumer({ start: 'earliest' });
    await consumer.assign([{ topic }]);
    expect((await take(consumer, 2)).map((r) => r.valueString())).toEqual(['before', 'timed-out']);
    await consumer.close();
    await reader.close();
    await client.close();
    await broker.stop();
  });
});
