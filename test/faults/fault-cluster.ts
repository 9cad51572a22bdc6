// The cluster a campaign runs against: real broker processes (tools/broker-process.ts) whose broker↔broker links go
// through our proxies (link-proxy.ts), plus what the nemesis needs to act on them — kill, restart, pause, resume,
// the data dir of a stopped broker — and to aim: who leads the controller and each partition, from GET /cluster.
//
// Addresses: each broker's seed list names the proxy of its link to each peer, and the controller leader registers
// brokers at the addresses in its own seed list, so Metadata advertises proxy ports (of links from the controller
// leader). Clients connect straight to the brokers: `transport` maps a proxy port back to its broker's real port,
// so that client traffic never shares a link's faults.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TransportFactory } from '../../client';
import { webSocketTransport } from '../../client/network/transport';
import type { ClusterStatus } from '../../broker/cluster/cluster-node';
import { ClusterProcesses, findFreePorts } from '../../tools/broker-process';
import type { Prng } from '../sim/prng';
import type { HistoryWriter } from './history';
import { ProxyMesh } from './link-proxy';

export interface FaultClusterOptions {
  readonly brokers: number;
  /** Data dirs go to <runDir>/brokers/broker-<id>, logs to <runDir>/logs/broker-<id>.log. */
  readonly runDir: string;
  readonly rng: Prng;
  readonly history: HistoryWriter;
  readonly brokerArgs?: readonly string[];
}

/** Time a broker may take to start (replaying its log on a loaded machine) before the attempt counts as failed. */
const START_TIMEOUT_MS = 60_000;
const STATUS_TIMEOUT_MS = 2_000;
/** The one line broker/main.ts exits with when it cannot open its store (and changed nothing). */
const STORE_REFUSED = /exited \(code 1, signal null\)[\s\S]*cannot open the store [\s\S]*--rebuild-from-peers/;

/** Sends a signal; false if the process is already gone. */
function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

export class FaultCluster {
  private readonly paused = new Set<number>();
  private readonly down = new Set<number>();
  /** Pids we signalled to end: any other exit is the broker's own doing (a crash), and a finding. */
  private readonly endedByUs = new Set<number>();
  /** Brokers down because they exited by themselves, not yet restarted. */
  private readonly crashed = new Set<number>();
  /** Brokers that would not start again (their store is unusable): left out of every later fault. */
  readonly unstartable = new Set<number>();

  private constructor(
    readonly processes: ClusterProcesses,
    readonly mesh: ProxyMesh,
    private readonly realPorts: readonly number[],
    private readonly options: FaultClusterOptions,
  ) {}

  static async start(options: FaultClusterOptions): Promise<FaultCluster> {
    const ids = Array.from({ length: options.brokers }, (_, i) => i + 1);
    const realPorts = await findFreePorts(options.brokers);
    const mesh = await ProxyMesh.start(ids, (id) => realPorts[id - 1], options.rng.fork());
    mkdirSync(path.join(options.runDir, 'logs'), { recursive: true });
    const processes = await ClusterProcesses.start({
      brokers: options.brokers,
      rootDir: path.join(options.runDir, 'brokers'),
      ports: realPorts,
      args: [...(options.brokerArgs ?? [])],
      startTimeoutMs: START_TIMEOUT_MS,
      peerPort: (from, to) => mesh.link(from, to).port,
    });
    const cluster = new FaultCluster(processes, mesh, realPorts, options);
    for (const id of ids) cluster.keepLog(id);
    return cluster;
  }

  get brokerIds(): number[] {
    return this.processes.brokerIds;
  }

  /** Real addresses, for clients' bootstrap lists. */
  get bootstrap(): string[] {
    return this.processes.bootstrap;
  }

  /** The SDK's WebSocket transport, with proxy ports mapped to the real port of the broker behind them. */
  readonly transport: TransportFactory = (url, handlers, options) => {
    const parsed = new URL(url);
    const target = this.mesh.targetOfPort(Number(parsed.port));
    if (target !== undefined) parsed.port = String(this.realPorts[target - 1]);
    return webSocketTransport(parsed.toString(), handlers, options);
  };

  dataDir(id: number): string {
    return this.processes.dataDir(id);
  }

  /** Brokers running and not paused. */
  live(): number[] {
    return this.brokerIds.filter((id) => !this.down.has(id) && !this.paused.has(id));
  }

  isDown(id: number): boolean {
    return this.down.has(id);
  }

  isPaused(id: number): boolean {
    return this.paused.has(id);
  }

  async kill(id: number): Promise<void> {
    this.expectExit(id);
    await this.processes.kill(id);
    this.paused.delete(id);
    this.down.add(id);
    this.options.history.log({ type: 'broker', brokerId: id, event: 'killed' });
  }

  /** SIGTERM: a graceful stop (a paused broker is resumed first, or it could not shut down). */
  async stop(id: number): Promise<void> {
    if (this.paused.has(id)) this.resume(id);
    this.expectExit(id);
    await this.processes.stop(id);
    this.down.add(id);
    this.options.history.log({ type: 'broker', brokerId: id, event: 'stopped' });
  }

  /**
   * Starts a stopped broker on its data dir; false (logged) if it would not start, twice. A broker that refuses its
   * store at start (truncated, or one LMDB cannot open) is started again with --rebuild-from-peers, the repair
   * docs/reliability.md gives the operator, and that is logged as such.
   */
  async restart(id: number): Promise<boolean> {
    let extraArgs: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        await this.processes.startBroker(id, extraArgs);
        this.keepLog(id);
        if (extraArgs.length > 0) this.options.history.log({ type: 'broker', brokerId: id, event: 'rebuilt-from-peers' });
        this.down.delete(id);
        this.crashed.delete(id);
        this.unstartable.delete(id);
        this.options.history.log({ type: 'broker', brokerId: id, event: 'started' });
        return true;
      } catch (err) {
        const detail = String((err as Error).message).slice(-2000);
        appendFileSync(this.logFile(id), `\n--- start attempt ${attempt} failed at ${new Date().toISOString()}:\n${detail}\n`);
        this.options.history.log({ type: 'broker', brokerId: id, event: 'start-failed', detail: detail.slice(-400) });
        if (STORE_REFUSED.test(detail)) extraArgs = ['--rebuild-from-peers'];
      }
    }
    this.unstartable.add(id);
    return false;
  }

  /** Starts again the brokers that exited by themselves, as a supervisor would; returns their ids. */
  async restartCrashed(): Promise<number[]> {
    const ids = [...this.crashed].filter((id) => !this.unstartable.has(id));
    for (const id of ids) await this.restart(id);
    return ids;
  }

  pause(id: number): void {
    const broker = this.processes.broker(id);
    if (!broker || this.down.has(id) || !signal(broker.pid, 'SIGSTOP')) return;
    this.paused.add(id);
    this.options.history.log({ type: 'broker', brokerId: id, event: 'paused' });
  }

  resume(id: number): void {
    const broker = this.processes.broker(id);
    if (!broker || !this.paused.has(id)) return;
    signal(broker.pid, 'SIGCONT');
    this.paused.delete(id);
    this.options.history.log({ type: 'broker', brokerId: id, event: 'resumed' });
  }

  /** GET /cluster of a running broker; undefined if it does not answer in time (paused, starting, gone). */
  async status(id: number): Promise<ClusterStatus | undefined> {
    const broker = this.processes.broker(id);
    if (!broker || this.down.has(id) || this.paused.has(id)) return undefined;
    try {
      const response = await fetch(`${broker.httpUrl}/cluster`, { signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) });
      return await response.json() as ClusterStatus;
    } catch {
      return undefined;
    }
  }

  /** Every live broker's view, by broker id. */
  async views(): Promise<Map<number, ClusterStatus>> {
    const entries = await Promise.all(this.live().map(async (id) => [id, await this.status(id)] as const));
    return new Map(entries.filter((e): e is readonly [number, ClusterStatus] => e[1] !== undefined));
  }

  /** The controller leader, as a live broker that leads group 0 says. */
  async controllerLeader(): Promise<number | undefined> {
    for (const [id, view] of await this.views()) if (view.controller.role === 'leader') return id;
    return undefined;
  }

  /** Partition → the live broker that says it leads it. */
  async partitionLeaders(topic: string): Promise<Map<number, number>> {
    const leaders = new Map<number, number>();
    for (const [id, view] of await this.views()) {
      for (const p of view.partitions) if (p.topic === topic && p.role === 'leader') leaders.set(p.partition, id);
    }
    return leaders;
  }

  async close(): Promise<void> {
    for (const id of [...this.paused]) this.resume(id);
    for (const id of this.brokerIds) this.expectExit(id);
    await this.processes.stopAll(10_000);
    await this.mesh.close();
  }

  private logFile(id: number): string {
    return path.join(this.options.runDir, 'logs', `broker-${id}.log`);
  }

  private expectExit(id: number): void {
    const broker = this.processes.broker(id);
    if (broker) this.endedByUs.add(broker.pid);
  }

  /**
   * Appends what this incarnation of the broker wrote to stderr to its log once it exits; an exit nobody asked for
   * is logged as a crash (the checker reports it) and the broker counts as down until the nemesis restarts it.
   */
  private keepLog(id: number): void {
    const broker = this.processes.broker(id);
    if (!broker) return;
    const startedAt = new Date().toISOString();
    void broker.exited.then(({ code, signal: how }) => {
      const stderr = broker.stderr();
      appendFileSync(this.logFile(id), `--- pid ${broker.pid} started ${startedAt}, exited code ${code} signal ${how}\n${stderr}\n`);
      if (this.endedByUs.has(broker.pid)) return;
      if (this.processes.broker(id) === broker) {
        this.down.add(id);
        this.paused.delete(id);
        this.crashed.add(id);
      }
      const tail = stderr.trim().split('\n').slice(-12).join('\n');
      this.options.history.log({ type: 'broker', brokerId: id, event: 'crashed', detail: `pid ${broker.pid} exited by itself (code ${code}, signal ${how}):\n${tail}` });
    });
  }
}
