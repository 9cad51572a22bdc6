// The link proxy between a WebSocket client and server on loopback, as broker↔broker traffic uses it: frames pass
// in order when the link is healthy; reordering and loss act on whole frames (never the first) and leave the stream
// valid; a link that is down is a black hole, reset when it comes back; delay holds each direction; plain HTTP passes.
import http from 'node:http';
import net from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { Prng } from '../sim/prng';
import { LinkProxy, MAX_HELD_BYTES } from './link-proxy';

jest.setTimeout(30_000);

interface Server {
  readonly port: number;
  /** Every binary message received, as text, across connections. */
  readonly received: string[];
  close(): Promise<void>;
}

/** A WebSocket server that records what it receives and echoes each message, plus GET / answering "hello". */
async function startServer(): Promise<Server> {
  const received: string[] = [];
  const httpServer = http.createServer((_req, res) => res.end('hello'));
  const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
  wss.on('connection', (ws) => ws.on('message', (data: Buffer) => {
    received.push(data.length > 64 ? `${data.length} bytes` : data.toString());
    ws.send(data.length > 64 ? 'big' : data);
  }));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    port: (httpServer.address() as net.AddressInfo).port,
    received,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

function connect(port: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/peer`, { perMessageDeflate: false, handshakeTimeout: 2_000 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('link proxy', () => {
  let server: Server;
  let proxy: LinkProxy;
  const clients: WebSocket[] = [];
  const open = async () => {
    const ws = await connect(proxy.port);
    clients.push(ws);
    return ws;
  };

  beforeEach(async () => {
    server = await startServer();
    proxy = await LinkProxy.listen(1, 2, () => server.port, new Prng(7));
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.terminate();
    await proxy.close();
    await server.close();
  });

  it('passes frames in order, and their answers back, when the link is healthy', async () => {
    const ws = await open();
    const echoed: string[] = [];
    ws.on('message', (data: Buffer) => echoed.push(data.toString()));
    const sent = Array.from({ length: 200 }, (_, i) => `m${i}`);
    for (const m of sent) ws.send(m, { binary: true });
    await until('every echo', () => echoed.length === sent.length);
    expect(server.received).toEqual(sent);
    expect(echoed).toEqual(sent);
  });

  it('passes plain HTTP', async () => {
    const response = await fetch(`http://127.0.0.1:${proxy.port}/cluster/leaders`);
    expect(await response.text()).toBe('hello');
  });

  it('reorders whole frames, never the first, and loses none', async () => {
    const ws = await open();
    ws.send('hello', { binary: true });
    await until('the first frame', () => server.received.length === 1);
    proxy.set({ reorderMs: 80 });
    const sent = Array.from({ length: 100 }, (_, i) => `m${i}`);
    for (const m of sent) ws.send(m, { binary: true });
    await until('every frame', () => server.received.length === sent.length + 1);
    expect(server.received[0]).toBe('hello');
    const rest = server.received.slice(1);
    expect([...rest].sort()).toEqual([...sent].sort());
    expect(rest).not.toEqual(sent);
  });

  it('loses whole frames, never the first, and the stream stays valid', async () => {
    proxy.set({ dropRate: 0.5 });
    const ws = await open();
    const sent = Array.from({ length: 200 }, (_, i) => `m${i}`);
    for (const m of sent) ws.send(m, { binary: true });
    await sleep(300);
    proxy.set({ dropRate: 0 });
    ws.send('last', { binary: true });
    await until('the last frame', () => server.received.includes('last'));
    expect(server.received[0]).toBe('m0');
    expect(server.received.length).toBeGreaterThan(50);
    expect(server.received.length).toBeLessThan(180);
    // The server's echoes are frames of the same link too (the other direction): some of them were lost as well.
    expect(proxy.droppedFrames).toBeGreaterThan(sent.length + 1 - server.received.length);
    // What arrives keeps its order (loss is not reordering).
    const arrived = server.received.slice(0, -1).map((m) => Number(m.slice(1)));
    expect(arrived).toEqual([...arrived].sort((a, b) => a - b));
  });

  it('is a black hole while down: open connections go silent, new ones are never answered, both reset when it is back', async () => {
    const ws = await open();
    ws.send('before', { binary: true });
    await until('the first frame', () => server.received.length === 1);
    proxy.set({ up: false });
    ws.send('during', { binary: true });
    let closed = false;
    ws.on('close', () => { closed = true; });
    const attempt = connect(proxy.port).then(() => 'opened', () => 'failed');
    await sleep(500);
    expect(server.received).toEqual(['before']);
    expect(closed).toBe(false);
    proxy.set({ up: true });
    await until('the silent connection reset', () => closed);
    expect(await attempt).toBe('failed');
    expect(server.received).toEqual(['before']);
    const again = await open();
    again.send('after', { binary: true });
    await until('a frame on a new connection', () => server.received.includes('after'));
  });

  it('delays each direction', async () => {
    const ws = await open();
    proxy.set({ delayMs: 150 });
    const startedMs = Date.now();
    ws.send('ping', { binary: true });
    await new Promise((resolve) => ws.once('message', resolve));
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(290);
  });

  it('holds a bounded number of bytes for a slow link, pausing the sender, and delivers everything', async () => {
    const ws = await open();
    proxy.set({ delayMs: 300 });
    const messages = 48;
    const payload = Buffer.alloc(1024 * 1024, 7);
    for (let i = 0; i < messages; i++) ws.send(payload, { binary: true });
    await until('every large frame', () => server.received.length === messages, 20_000);
    expect(server.received.every((m) => m === `${payload.length} bytes`)).toBe(true);
    expect(proxy.peakHeldBytes).toBeGreaterThan(MAX_HELD_BYTES / 2);
    expect(proxy.peakHeldBytes).toBeLessThanOrEqual(MAX_HELD_BYTES + 1024 * 1024);
  });
});
