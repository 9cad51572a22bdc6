import { Registry } from 'prom-client';
import uWS from 'uWebSockets.js';
import WebSocket, { WebSocketServer } from 'ws';
import { MessageType } from '../../../broker/raft';
import { EntryType } from '../../../broker/raft/types';
import {
  encodeHello, encodeRaftBatch, NO_STORE_STATE, PEER_PROTOCOL_VERSION, PeerMetrics, PeerTransport,
} from '../../../broker/replication';
import { ManualTimers } from './manual-timers';
import { CLUSTER, TestBroker, waitFor, yieldToEventLoop } from './peer-harness';
import { append, heartbeat, message } from './raft-messages';

const MiB = 1024 * 1024;

/** An append of one entry of `bytes` bytes at `index`, filled with the index's low byte. */
function bigAppend(index: number, bytes: number) {
  return message(MessageType.App, {
    term: 1, logTerm: 1, index: index - 1,
    entries: [{ term: 1, index, type: EntryType.Normal, data: new Uint8Array(bytes).fill(index & 0xff) }],
  });
}

/** A port nothing listens on: bound by uWS, then released. */
async function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    uWS.App().listen('127.0.0.1', 0, (token) => {
      if (!token) return reject(new Error('cannot listen'));
      const port = uWS.us_socket_local_port(token as unknown as uWS.us_socket);
      uWS.us_listen_socket_close(token);
      resolve(port);
    });
  });
}

describe('peer transport', () => {
  const brokers: TestBroker[] = [];
  const started = async (...list: TestBroker[]) => {
    brokers.push(...list);
    for (const b of list) await b.listen();
    return list;
  };
  afterEach(() => {
    for (const b of brokers.splice(0)) b.close();
  });

  it('exchanges batches both ways: every group\'s messages and heartbeats to a peer go in one frame', async () => {
    const [a, b] = await started(new TestBroker(1), new TestBroker(2));
    a.transport.addPeer(2, b.url);
    b.transport.addPeer(1, a.url);
    await waitFor('both links', () => a.transport.isConnected(2) && b.transport.isConnected(1));
    expect(a.connectedBrokers).toEqual([2]);
    expect(b.connectedBrokers).toEqual([1]);

    const sent = new Map<number, ReturnType<typeof append>[]>();
    for (let groupId = 0; groupId < 50; groupId++) {
      const msgs = [append(groupId, 1, [1, 2, 2], { from: 1, to: 2 }), heartbeat(2, groupId, { from: 1, to: 2 })];
      sent.set(groupId, msgs);
      a.transport.send(2, groupId, msgs);
    }
    a.transport.flush();
    await waitFor('the batch at b', () => b.received.length > 0);
    expect(b.received).toHaveLength(1);
    expect(b.received[0].fromBroker).toBe(1);
    for (const [groupId, msgs] of sent) expect(b.messagesOf(groupId)).toEqual(msgs);
    expect(await a.counter('sentFrames', { peer: '2' })).toBe(1);
    expect(await b.counter('receivedFrames', { peer: '1' })).toBe(1);

    const answer = message(MessageType.AppResp, { from: 2, to: 1, term: 2, index: 3 });
    b.transport.send(1, 7, [answer, message(MessageType.HeartbeatResp, { from: 2, to: 1, term: 2 })]);
    b.transport.flush();
    await waitFor('the answer at a', () => a.received.length > 0);
    expect(a.messagesOf(7)).toEqual([answer, message(MessageType.HeartbeatResp, { from: 2, to: 1, term: 2 })]);
    expect(a.dropped).toEqual([]);
    expect(b.dropped).toEqual([]);
  });

  it('each side\'s Hello reports its store as of that connection, and the other side hears it', async () => {
    const [a, b] = await started(new TestBroker(1), new TestBroker(2));
    a.storeState = { storeId: 'store-a', controllerUnformed: true };
    b.storeState = { storeId: 'store-b', controllerUnformed: true };
    a.transport.addPeer(2, b.url);
    await waitFor('link', () => a.transport.isConnected(2));
    // The dialer's Hello reached the acceptor, and the acceptor's answer the dialer.
    expect(b.hellos).toEqual([expect.objectContaining({ brokerId: 1, storeId: 'store-a', controllerUnformed: true })]);
    expect(a.hellos).toEqual([expect.objectContaining({ brokerId: 2, storeId: 'store-b', controllerUnformed: true })]);

    // A new connection says what holds now, not what held when the transport was made.
    b.storeState = { storeId: 'store-b', controllerUnformed: false };
    a.transport.removePeer(2);
    a.transport.addPeer(2, b.url);
    await waitFor('link again', () => a.transport.isConnected(2) && a.hellos.length === 2);
    expect(a.hellos.map((h) => h.controllerUnformed)).toEqual([true, false]);
  });

  it('cuts a flush bigger than maxFrameBytes into frames under it, keeping each group\'s order', async () => {
    const [a, b] = await started(new TestBroker(1, { maxFrameBytes: MiB, maxQueueBytes: 8 * MiB }), new TestBroker(2));
    a.transport.addPeer(2, b.url);
    await waitFor('link', () => a.transport.isConnected(2));
    for (let index = 1; index <= 16; index++) {
      for (const groupId of [1, 2, 3]) a.transport.send(2, groupId, [bigAppend(index, 96 * 1024)]);
    }
    a.transport.flush();
    await waitFor('all entries', () => [1, 2, 3].every((g) => b.messagesOf(g).length === 16));
    for (const groupId of [1, 2, 3]) {
      expect(b.messagesOf(groupId).map((m) => m.entries[0].index)).toEqual([...Array(16).keys()].map((i) => i + 1));
    }
    const frames = await a.counter('sentFrames', { peer: '2' });
    expect(frames).toBeGreaterThanOrEqual(5); // 4.6 MiB of entries in frames of at most 1 MiB
    const { values } = await b.metrics.receivedBytes.get();
    expect(values[0].value / frames).toBeLessThanOrEqual(MiB);
  });

  it('a stalled peer fills only its own bounded queue, then drops; a live peer keeps receiving everything', async () => {
    const [a, b] = await started(new TestBroker(1, { maxFrameBytes: MiB, maxQueueBytes: 2 * MiB }), new TestBroker(2));
    // Broker 3 completes the handshake, then never reads again: its TCP window closes and a's socket buffer grows.
    const stalled = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => stalled.once('listening', resolve));
    stalled.on('connection', (ws, req) => {
      ws.once('message', () => {
        ws.send(encodeHello({ brokerId: 3, clusterId: CLUSTER, protocolVersion: PEER_PROTOCOL_VERSION, ...NO_STORE_STATE }));
        req.socket.pause();
      });
    });
    try {
      a.transport.addPeer(2, b.url);
      a.transport.addPeer(3, `ws://127.0.0.1:${(stalled.address() as { port: number }).port}/peer`);
      await waitFor('both links', () => a.transport.isConnected(2) && a.transport.isConnected(3));

      const rounds = 200;
      let maxQueued = 0;
      for (let index = 1; index <= rounds; index++) {
        for (const groupId of [1, 2, 3, 4]) {
          const m = bigAppend(index, 64 * 1024);
          a.transport.send(2, groupId, [m]);
          a.transport.send(3, groupId, [m]);
        }
        a.transport.flush();
        maxQueued = Math.max(maxQueued, a.transport.queuedBytes(3));
        await yieldToEventLoop();
      }
      await waitFor('everything at the live peer', () => [1, 2, 3, 4].every((g) => b.messagesOf(g).length === rounds));
      expect(a.dropped.filter((d) => d.toBroker === 2)).toEqual([]);

      const droppedFor3 = a.dropped.filter((d) => d.toBroker === 3);
      const droppedCount = droppedFor3.reduce((n, d) => n + d.messages.length, 0);
      expect(droppedFor3.every((d) => d.reason === 'queue-full')).toBe(true);
      expect(droppedCount).toBeGreaterThan(rounds * 4 / 2); // 50 MiB offered; the kernel and the queue hold far less
      expect(await a.counter('droppedMessages', { peer: '3', reason: 'queue-full' })).toBe(droppedCount);
      // ws frames each message with a few header bytes the estimate does not count
      expect(maxQueued).toBeLessThanOrEqual(2 * MiB + 1024);
      expect(a.transport.isConnected(3)).toBe(true);
    } finally {
      for (const client of stalled.clients) client.terminate();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('a dead peer: messages for it are dropped at once, and it is redialed with growing, capped backoff', async () => {
    const timers = new ManualTimers();
    const [a] = await started(new TestBroker(1, { timers, random: () => 1, minBackoffMs: 100, maxBackoffMs: 1000 }));
    a.transport.addPeer(9, `ws://127.0.0.1:${await deadPort()}/peer`);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      await waitFor(`redial ${attempt} scheduled`, () => timers.delaysMs().length === 1);
      delays.push(timers.delaysMs()[0]);
      timers.advance(delays[attempt]);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(await a.counter('reconnects', { peer: '9' })).toBe(6);

    const m = append(0, 0, [1]);
    a.transport.send(9, 4, [m]);
    a.transport.flush();
    expect(a.dropped).toEqual([{ toBroker: 9, groupId: 4, messages: [m], reason: 'disconnected' }]);
    expect(a.transport.queuedBytes(9)).toBe(0);
    a.transport.send(12, 4, [m]);
    expect(a.dropped[1]).toEqual({ toBroker: 12, groupId: 4, messages: [m], reason: 'unknown-peer' });
    expect(() => a.transport.send(9, 4, [message(MessageType.Beat)])).toThrow(/Beat is local to a node/);
  });

  it('a peer that stops answering pings is cut off; once it is back on its port, the link returns and delivers', async () => {
    const timers = new ManualTimers();
    const [a, b] = await started(new TestBroker(1, { timers, random: () => 0.5, pingIntervalMs: 1000 }), new TestBroker(2));
    a.transport.addPeer(2, b.url);
    await waitFor('link', () => a.transport.isConnected(2));
    a.transport.send(2, 1, [append(0, 0, [1])]);
    a.transport.flush();
    await waitFor('first delivery', () => b.messagesOf(1).length === 1);

    // b stops accepting. Two ping intervals pass without the event loop turning, so no pong can arrive: a gives
    // the connection up. (a closes first on purpose: the side that closes first keeps the port in TIME_WAIT, and
    // this uWS build binds without SO_REUSEADDR, so b could not listen on its port again for a minute.)
    b.stopListening(true);
    timers.advance(1000);
    timers.advance(1000);
    await waitFor('link down at both ends', () => !a.transport.isConnected(2) && b.connectedBrokers.length === 0);
    expect(a.connectionChanges.map((c) => c.connected)).toEqual([true, false]);
    a.transport.send(2, 1, [append(1, 1, [1])]);
    expect(a.dropped.map((d) => d.reason)).toEqual(['disconnected']);

    await b.listen(b.port);
    expect(timers.delaysMs()).toEqual([37.5]); // 50 ms backoff, equal jitter at random() = 0.5
    timers.advance(37.5);
    await waitFor('link up again', () => a.transport.isConnected(2));
    a.transport.send(2, 1, [append(1, 1, [1])]);
    a.transport.flush();
    await waitFor('second delivery', () => b.messagesOf(1).length === 2);
    expect(b.messagesOf(1)[1]).toEqual(append(1, 1, [1]));
    expect(await a.counter('reconnects', { peer: '2' })).toBe(1);
  });

  it('handshake: the dialer refuses a broker other than the one it meant; the endpoint refuses another cluster', async () => {
    const timers = new ManualTimers();
    const [a, b] = await started(new TestBroker(1, { timers, random: () => 1, maxBackoffMs: 3000 }), new TestBroker(2));
    a.transport.addPeer(5, b.url);
    await waitFor('refusal', () => a.connectionChanges.length > 0);
    expect(a.connectionChanges[0]).toEqual({ brokerId: 5, connected: false, reason: `${b.url} is broker 2, expected broker 5` });
    await waitFor('redial scheduled', () => timers.delaysMs().length === 1);
    expect(timers.delaysMs()).toEqual([3000]); // a misconfiguration is retried only at the slowest pace
    expect(a.transport.isConnected(5)).toBe(false);

    const [stranger] = await started(new TestBroker(7, {}, 'another-cluster'));
    stranger.transport.addPeer(2, b.url);
    await waitFor('rejection', () => stranger.connectionChanges.length > 0);
    expect(stranger.connectionChanges[0]).toEqual({
      brokerId: 2, connected: false, reason: "cluster 'another-cluster' is not this broker's cluster 'test-cluster'",
    });
    const { values } = await b.metrics.rejected.get();
    expect(values).toEqual([expect.objectContaining({ labels: { reason: 'wrong-cluster' }, value: 1 })]);
    expect(b.connectedBrokers).toEqual([]);
    expect(stranger.transport.isConnected(2)).toBe(false);
  });

  it('the endpoint drops a malformed frame from a verified peer and keeps the connection; no hello first closes it', async () => {
    const [b] = await started(new TestBroker(2));
    const client = new WebSocket(b.url);
    const replies: Buffer[] = [];
    client.on('message', (data) => replies.push(data as Buffer));
    await new Promise((resolve) => client.once('open', resolve));
    client.send(encodeHello({ brokerId: 7, clusterId: CLUSTER, protocolVersion: PEER_PROTOCOL_VERSION, ...NO_STORE_STATE }));
    await waitFor('hello reply', () => replies.length === 1);
    client.send(encodeRaftBatch({ groups: [{ groupId: 1, messages: [append(5, 1, [1], { entries: append(6, 1, [1]).entries })] }] }));
    const good = append(0, 0, [1, 1]);
    client.send(encodeRaftBatch({ groups: [{ groupId: 1, messages: [good] }] }));
    await waitFor('the good frame', () => b.received.length === 1);
    expect(b.messagesOf(1)).toEqual([good]);
    expect((await b.metrics.rejected.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'malformed' }, value: 1 })]);
    expect(b.connectedBrokers).toEqual([7]);
    client.terminate();

    const early = new WebSocket(b.url);
    await new Promise((resolve) => early.once('open', resolve));
    const closed = new Promise<number>((resolve) => early.once('close', resolve));
    early.send(encodeRaftBatch({ groups: [{ groupId: 1, messages: [good] }] }));
    expect(await closed).toBe(1008);
    expect(b.received).toHaveLength(1);
  });

  it('exports its metrics on the given registry under Prometheus names', async () => {
    const registry = new Registry();
    const transport = new PeerTransport({ brokerId: 1, clusterId: CLUSTER, metrics: new PeerMetrics(registry) });
    transport.addPeer(2, `ws://127.0.0.1:${await deadPort()}/peer`);
    transport.send(2, 1, [append(0, 0, [1])]);
    transport.close();
    const text = await registry.metrics();
    for (const name of [
      'rafter_peer_connected', 'rafter_peer_sent_bytes_total', 'rafter_peer_sent_frames_total', 'rafter_peer_received_bytes_total',
      'rafter_peer_received_frames_total', 'rafter_peer_queue_bytes', 'rafter_peer_dropped_messages_total',
      'rafter_peer_reconnects_total', 'rafter_peer_rejected_total',
    ]) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toContain('rafter_peer_dropped_messages_total{peer="2",reason="disconnected"} 1');
    expect(text).toContain('rafter_peer_connected{peer="2"} 0');
  });
});
