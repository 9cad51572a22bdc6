// One broker per data directory and per port, on real processes. Without the data-directory lock a second broker on
// the same directory and port started, both wrote the one LMDB environment, the kernel spread connections over both
// (SO_REUSEPORT), and acknowledged records were lost or acknowledged twice at one offset. Now the second is refused
// before it opens the store, the first keeps serving, and a SIGKILLed broker restarts on its directory unaided.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Rafter, type RecordMetadata } from '../../client';
import { findFreePorts, makeTempDataDir, startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';
import { take } from './helpers/take';

const address = (broker: BrokerProcess) => `127.0.0.1:${broker.port}`;

/**
 * A broker on a fixed port, as a cluster broker is. uWS sets SO_REUSEPORT and SO_REUSEADDR only on a fixed port (port
 * 0 gets neither), so only there could a second process bind it too, and only there do the connections a killed
 * broker leaves in TIME_WAIT not hold the port for a minute.
 */
async function startOnFixedPort(dataDir = makeTempDataDir()): Promise<BrokerProcess> {
  const [port] = await findFreePorts(1);
  return startBrokerProcess({ dataDir, args: ['--port', String(port)] });
}

async function produceValues(broker: BrokerProcess, topic: string, values: string[], create = false): Promise<RecordMetadata[]> {
  const client = new Rafter({ brokers: [address(broker)] });
  try {
    if (create) await client.admin().createTopic({ topic, partitions: 1 });
    return await client.producer().send({ topic, messages: values.map((value) => ({ value })) });
  } finally {
    await client.close();
  }
}

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

async function storedValues(broker: BrokerProcess, topic: string, count: number): Promise<string[]> {
  const client = new Rafter({ brokers: [address(broker)] });
  try {
    const consumer = client.consumer({ start: 'earliest' });
    await consumer.assign([{ topic }]);
    const records = await take(consumer, count);
    await consumer.close();
    return records.map((r) => r.valueString()!);
  } finally {
    await client.close();
  }
}

/** What a broker that refused to start wrote to stderr; fails if it started. */
async function refusedStderr(starting: Promise<BrokerProcess>): Promise<string> {
  const outcome = await starting.then(() => undefined, (err: Error) => err.message);
  if (outcome === undefined) throw new Error('the second broker started');
  const match = /^broker exited \(code 1, signal null\) before listening; stderr:\n([\s\S]*)$/.exec(outcome);
  if (!match) throw new Error(`not refused with exit code 1: ${outcome}`);
  return match[1];
}

function lockHolderPid(dataDir: string): number {
  return (JSON.parse(readFileSync(path.join(dataDir, '.lock'), 'utf8')) as { pid: number }).pid;
}

describe('one broker per data directory and port', () => {
  afterAll(() => stopAllBrokerProcesses());

  it('refuses a second broker on the same data dir and port, naming the holder; the first keeps serving and loses nothing', async () => {
    const dataDir = makeTempDataDir();
    let first = await startOnFixedPort(dataDir);
    const topic = 'locked';
    const before = numbered('before', 200);
    await produceValues(first, topic, before, true);

    const stderr = await refusedStderr(startBrokerProcess({ dataDir, args: ['--port', String(first.port)], startTimeoutMs: 30_000 }));
    // One line, no stack.
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`rafter broker: data directory ${path.resolve(dataDir)} is in use by broker process ${first.pid}`),
    ]);

    const after = numbered('after', 200);
    const acked = await produceValues(first, topic, after);
    expect(acked.map((m) => m.offset)).toEqual(after.map((_, i) => before.length + i));
    expect(await storedValues(first, topic, 400)).toEqual([...before, ...after]);

    // And after a restart of the first, on the data the second must not have touched.
    expect(await first.stop()).toBe(0);
    first = await startBrokerProcess({ dataDir, args: ['--port', String(first.port)] });
    expect(await storedValues(first, topic, 400)).toEqual([...before, ...after]);
    await first.stop();
  });

  it('refuses a second broker on the same port with another data dir', async () => {
    const first = await startOnFixedPort();
    const stderr = await refusedStderr(startBrokerProcess({ args: ['--port', String(first.port)] }));
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`rafter broker: cannot listen on 127.0.0.1:${first.port}: the port is in use`)]);
    // Retrying, as a restarted cluster broker does while the old process's port is still held, ends in a clear
    // failure when a live broker holds it.
    const retried = await refusedStderr(startBrokerProcess({ args: ['--port', String(first.port), '--listen-retry-ms', '1500'], startTimeoutMs: 30_000 }));
    expect(retried).toContain(`cannot listen on 127.0.0.1:${first.port} (still, after retrying for 1500 ms)`);
    const health = await fetch(`${first.httpUrl}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    await first.stop();
  });

  it('restarts a SIGKILLed broker on its data dir and port without cleanup: a lock left behind keeps nobody out', async () => {
    const dataDir = makeTempDataDir();
    const killed = await startOnFixedPort(dataDir);
    const topic = 'after-kill';
    const values = numbered('v', 100);
    await produceValues(killed, topic, values, true);
    await killed.kill();
    // The dead broker's name is still in the lock file; only the kernel's lock went with the process.
    expect(lockHolderPid(dataDir)).toBe(killed.pid);

    const restarted = await startBrokerProcess({ dataDir, args: ['--port', String(killed.port)] });
    expect(restarted.port).toBe(killed.port);
    expect(lockHolderPid(dataDir)).toBe(restarted.pid);
    expect(await storedValues(restarted, topic, values.length)).toEqual(values);
    await restarted.stop();
  });
});
