// CPU profiles for the benchmark: the client profiles itself through the inspector (no restart under
// `node --cpu-prof`), the broker writes its own with --cpu-prof, and summarizeProfile turns either .cpuprofile into
// the functions with the most self time — where the time goes, without opening DevTools.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  /** file:line, relative to the repository when inside it. */
  where: string;
  selfMs: number;
  percent: number;
}

/** Starts profiling this process; the returned function stops and writes the profile to `file`. */
export async function startClientProfile(file: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** The `top` functions by self time (samples × interval) in a .cpuprofile, with the whole profile's duration. */
export function summarizeProfile(file: string, top = 15, repoRoot = process.cwd()): { totalMs: number; functions: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time after it is the next delta.
    const us = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + us);
  }
  const totals = new Map<string, SelfTime>();
  const totalUs = profile.endTime - profile.startTime;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = functionName || (url ? '(anonymous)' : '(native)');
    const file = url.replace(/^file:\/\//, '');
    const where = file ? `${path.relative(repoRoot, file) || file}:${lineNumber + 1}` : '';
    const key = `${name}\u0000${where}`;
    const entry = totals.get(key) ?? { name, where, selfMs: 0, percent: 0 };
    entry.selfMs += us / 1000;
    totals.set(key, entry);
  }
  const functions = [...totals.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
    .map((f) => ({ ...f, selfMs: Math.round(f.selfMs), percent: Math.round((f.selfMs * 1000 * 1000) / totalUs) / 10 }));
  return { totalMs: Math.round(totalUs / 1000), functions };
}

export function formatSummary(title: string, summary: ReturnType<typeof summarizeProfile>): string {
  const rows = summary.functions.map((f) => `  ${f.percent.toFixed(1).padStart(5)}%  ${String(f.selfMs).padStart(6)} ms  ${f.name}  ${f.where}`);
  return `${title} (${summary.totalMs} ms profiled), top self time:\n${rows.join('\n')}\n`;
}
