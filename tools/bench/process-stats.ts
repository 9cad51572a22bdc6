// What a process has used so far, read from /proc by PID (Linux; zeros elsewhere), so a benchmark can tell the
// broker's CPU and I/O apart from the client's.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** User + system CPU seconds. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Bytes passed to write(2) and bytes sent to the block layer. */
export function ioBytes(pid: number): { written: number; toDisk: number } {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return { written: Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0), toDisk: Number(/write_bytes: (\d+)/.exec(io)?.[1] ?? 0) };
  } catch {
    return { written: 0, toDisk: 0 };
  }
}

/** Resident set size in bytes (VmRSS). */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
