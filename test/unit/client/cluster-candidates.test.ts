// Which broker the client asks for metadata when it has no open connection: the bootstrap list in turn, but a broker
// whose last dial or socket failed goes last. A paused broker accepts TCP connections (the kernel does) and never
// answers the WebSocket handshake, so asking it first would cost a whole connectTimeoutMs before the others.
import net from 'node:net';
import { systemClock, systemRng } from '../../../client/clock';
import { Cluster } from '../../../client/cluster/cluster';
import { webSocketTransport } from '../../../client/network/transport';
import { FakeBroker } from './fake-broker';

const CONNECT_TIMEOUT_MS = 1_000;

describe('Cluster: brokers to ask for metadata', () => {
  let broker: FakeBroker;
  let mute: net.Server;
  const sockets = new Set<net.Socket>();
  let cluster: Cluster | undefined;

  beforeEach(async () => {
    broker = await FakeBroker.start();
    // Accepts TCP and says nothing, as a SIGSTOPped broker's kernel does.
    mute = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    cluster?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => mute.close(resolve));
    await broker.stop();
  });

  it('asks a broker whose last dial failed only after the others', async () => {
    const muteAddress = `127.0.0.1:${(mute.address() as net.AddressInfo).port}`;
    cluster = new Cluster({
      brokers: [muteAddress, broker.address],
      metadataMaxAgeMs: 300_000,
      retry: { initialRetryTimeMs: 5, maxRetryTimeMs: 20, retries: 0 },
      clock: systemClock,
      rng: systemRng,
      connection: {
        requestTimeoutMs: 10_000, connectTimeoutMs: CONNECT_TIMEOUT_MS, livenessTimeoutMs: 500, maxInFlightRequests: 8,
        maxQueuedRequests: 100, retry: { initialRetryTimeMs: 5, maxRetryTimeMs: 20, retries: 0 }, clock: systemClock,
        rng: systemRng, transportFactory: webSocketTransport,
      },
    });
    // First round: the mute broker is first in the list and not yet known to fail, so it costs a connect timeout.
    await cluster.refresh();
    const refreshTimesMs: number[] = [];
    // Each later round starts the list one further on; with no connection open, every round has to choose.
    for (let round = 0; round < 4; round++) {
      broker.dropClients();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const startedAtMs = Date.now();
      await cluster.refresh();
      refreshTimesMs.push(Date.now() - startedAtMs);
    }
    expect(refreshTimesMs.filter((ms) => ms >= CONNECT_TIMEOUT_MS)).toEqual([]);
  });
});
