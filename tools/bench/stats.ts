// Figures the benchmark reports: latency distributions and CPU use over a phase.
import { cpuSeconds, ioBytes } from './process-stats';

export interface Distribution {
  n: number;
  p50Ms: number | null;
  p99Ms: number | null;
  p999Ms: number | null;
  maxMs: number | null;
}

/** Percentiles by nearest rank (as the NATS peer bench computes them, so the figures compare). */
export function distribution(samples: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => (sorted.length ? round3(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]) : null);
  return { n: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), p999Ms: at(0.999), maxMs: sorted.length ? round3(sorted[sorted.length - 1]) : null };
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface CpuSample {
  atMs: number;
  clientCpuS: number;
  brokerCpuS: number;
  brokerWrittenBytes: number;
}

export interface CpuUse {
  wallS: number;
  clientCores: number;
  brokerCores: number;
  /** MB (10^6 bytes) the broker passed to write(2) during the phase: WAL, LMDB pages and socket writes together. */
  brokerWrittenMB: number;
}

export function cpuSample(broker: { pid: number }): CpuSample {
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    clientCpuS: (usage.user + usage.system) / 1e6,
    brokerCpuS: cpuSeconds(broker.pid),
    brokerWrittenBytes: ioBytes(broker.pid).written,
  };
}

export function cpuUse(from: CpuSample, to: CpuSample): CpuUse {
  const wallS = (to.atMs - from.atMs) / 1000;
  return {
    wallS: round3(wallS),
    clientCores: Math.round(((to.clientCpuS - from.clientCpuS) / wallS) * 100) / 100,
    brokerCores: Math.round(((to.brokerCpuS - from.brokerCpuS) / wallS) * 100) / 100,
    brokerWrittenMB: Math.round((to.brokerWrittenBytes - from.brokerWrittenBytes) / 1e5) / 10,
  };
}
