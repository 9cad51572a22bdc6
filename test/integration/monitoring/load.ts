// Traffic for the dashboard check: produce and consume on a real cluster through the SDK (instrumented on a
// registry served over HTTP, as an application would), plus the error answers and rejected frames that panels show.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import WebSocket from 'ws';
import { instrumentConsumer, instrumentProducer, Rafter, RafterError } from '../../../client';

export interface ClientMetricsServer {
  readonly address: string;
  readonly registry: Registry;
  close(): Promise<void>;
}

/** Serves `registry` at http://127.0.0.1:<port>/metrics. */
export async function serveClientMetrics(): Promise<ClientMetricsServer> {
  const registry = new Registry();
  const server = http.createServer((_request, res) => {
    void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    registry,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export interface LoadSummary {
  produced: number;
  consumed: number;
}

/** Produces for `durationMs` to a fresh topic and consumes it all; creates the topic a second time (an error answer). */
export async function driveLoad(bootstrap: string[], registry: Registry, durationMs: number): Promise<LoadSummary> {
  const client = new Rafter({ brokers: bootstrap, clientId: 'dashboard-check', requestTimeoutMs: 5_000 });
  try {
    const admin = client.admin();
    await admin.createTopic({ topic: 'orders', partitions: 3, replicationFactor: 3 });
    await admin.createTopic({ topic: 'orders', partitions: 3, replicationFactor: 3 }).then(
      () => { throw new Error('creating an existing topic succeeded'); },
      (err: unknown) => { if (!(err instanceof RafterError)) throw err; },
    );
    const producer = client.producer({ acks: 'all', idempotent: false, lingerMs: 5 });
    instrumentProducer(producer, registry);
    const consumer = client.consumer({ start: 'earliest', maxWaitMs: 200 });
    instrumentConsumer(consumer, registry);
    await consumer.assign([{ topic: 'orders' }]);
    let produced = 0;
    const deadline = Date.now() + durationMs;
    while (Date.now() < deadline) {
      const messages = Array.from({ length: 50 }, (_, i) => ({ key: `k${produced + i}`, value: 'x'.repeat(200) }));
      await producer.send({ topic: 'orders', messages });
      produced += messages.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let consumed = 0;
    // close() ends the iteration, should the records stop short of what was produced.
    const giveUp = setTimeout(() => void consumer.close(), 20_000);
    for await (const batch of consumer.batches()) {
      consumed += batch.records.length;
      if (consumed >= produced) break;
    }
    clearTimeout(giveUp);
    await consumer.close();
    await producer.close();
    return { produced, consumed };
  } finally {
    await client.close();
  }
}

/** A text frame, which the broker rejects (frames are binary): the rejected-frames panel has a real event. */
export async function sendRejectedFrame(wsUrl: string): Promise<void> {
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  ws.send('not a frame');
  await new Promise((resolve) => setTimeout(resolve, 200));
  ws.close();
}
