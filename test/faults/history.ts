// A campaign's history: every attempt and its outcome, every read, every fault, one JSON object a line in
// <runDir>/history.jsonl, written as it happens (a run that dies part way still leaves what it saw). The checker
// reads only this file and the brokers' stores, so a saved run dir can be checked again offline.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Persisted } from '../../client';

export const HISTORY_FILE = 'history.jsonl';

/** A record as the workload writes it: producer name and sequence number, so every read says what it is. */
export interface RecordId {
  readonly producer: string;
  readonly seq: number;
}

export interface PartitionPlacement {
  readonly partition: number;
  readonly groupId: number;
  readonly replicas: readonly number[];
}

/** One stored record batch of a replica: its offsets and a digest of its bytes. */
export type StoredBatch = readonly [baseOffset: number, lastOffset: number, digest: string];

/** A read record: offset, then the record id it decoded to, or null and the value's first bytes (hex) if none. */
export type ReadRecord = readonly [offset: number, producer: string, seq: number] | readonly [offset: number, producer: null, valueHex: string];

export type HistoryEvent =
  | { type: 'run'; seed: number; brokers: number; nemesis: readonly string[]; minutes: number; topic: string; partitions: number }
  | { type: 'topology'; partitions: readonly PartitionPlacement[] }
  | { type: 'send'; producer: string; seq: number; key: string }
  | { type: 'ack'; producer: string; seq: number; partition: number; offset: number }
  | { type: 'fail'; producer: string; seq: number; code: string; persisted: Persisted; message: string }
  /** Sent, but never settled before the run ended: may or may not be in the log. */
  | { type: 'unknown'; producer: string; seq: number }
  | { type: 'producer-restart'; producer: string; reason: string }
  | { type: 'request-error'; producer: string; broker: number; latencyMs: number; code: string }
  | { type: 'read'; reader: string; partition: number; records: readonly ReadRecord[] }
  | { type: 'read-error'; reader: string; partition: number; offset: number; code: string; message: string }
  /** The final read reached the high watermark of every partition (or gave up: `complete` false). */
  | { type: 'final-read'; highWatermarks: readonly number[]; complete: boolean }
  | { type: 'fault'; id: number; kind: string; detail: string; brokers: readonly number[]; ledPartitions?: readonly number[] }
  | { type: 'heal'; id: number; kind: string; detail: string }
  | { type: 'leader-moved'; faultId: number; partition: number; leaderId: number; afterMs: number }
  | { type: 'broker'; brokerId: number; event: 'killed' | 'stopped' | 'started' | 'start-failed' | 'crashed' | 'paused' | 'resumed' | 'wiped' | 'damaged' | 'rebuilt-from-peers'; detail?: string }
  | { type: 'note'; text: string };

/** An event as stored: with the time (ms since the epoch) it was logged. */
export type Logged<E extends HistoryEvent = HistoryEvent> = E & { t: number };

/** Appends to history.jsonl: batched for 100 ms, written synchronously, so a run that dies loses at most that. */
export class HistoryWriter {
  private readonly file: string;
  private buffered: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(runDir: string, private readonly clock: () => number = Date.now) {
    this.file = path.join(runDir, HISTORY_FILE);
    if (!existsSync(this.file)) writeFileSync(this.file, '');
  }

  log(event: HistoryEvent): void {
    this.buffered.push(JSON.stringify({ t: this.clock(), ...event }));
    // Per-record events come thousands a second: write them at most every 100 ms, in order.
    this.timer ??= setTimeout(() => this.flush(), 100);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffered.length === 0) return;
    appendFileSync(this.file, this.buffered.join('\n') + '\n');
    this.buffered = [];
  }
}

export function readHistory(runDir: string): Logged[] {
  const text = readFileSync(path.join(runDir, HISTORY_FILE), 'utf8');
  const events: Logged[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    events.push(JSON.parse(line) as Logged);
  }
  return events;
}

export function recordKey(id: RecordId): string {
  return `${id.producer}#${id.seq}`;
}
