import { Clock } from '../../../client/clock';
import { RafterConnectionError, RafterInvalidArgumentError, createErrorFromCode, ErrorCode } from '../../../client';
import { backoffMs, resolveRetryPolicy, withRetry } from '../../../client/retry';

/** A clock whose timers fire at once, recording the waits asked for. */
function instantClock(waits: number[]): Clock {
  return { nowMs: () => 0, setTimeout: (fn, ms) => (waits.push(ms), setImmediate(fn)), clearTimeout: () => {} };
}

describe('retry', () => {
  const policy = { initialRetryTimeMs: 100, maxRetryTimeMs: 1000, retries: 5 };

  it('backs off exponentially with ±20% jitter, capped at maxRetryTimeMs', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(policy, a, () => 0.5))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(policy, 1, () => 0)).toBe(160);
    expect(backoffMs(policy, 1, () => 0.999999)).toBe(240);
    expect(backoffMs(policy, 10, () => 0.999999)).toBe(1000);
  });

  it('retries retriable errors until success', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(async () => {
      if (++calls < 3) throw new RafterConnectionError('lost', 'h:1');
      return 'done';
    }, { policy, clock: instantClock(waits), rng: () => 0.5 });
    expect(result).toBe('done');
    expect(waits).toEqual([100, 200]);
  });

  it('does not retry non-retriable or plain errors, and stops after `retries`', async () => {
    let calls = 0;
    const opts = { policy, clock: instantClock([]), rng: () => 0.5 };
    await expect(withRetry(async () => { calls++; throw createErrorFromCode(ErrorCode.INVALID_TOPIC); }, opts)).rejects.toMatchObject({ code: 'INVALID_TOPIC' });
    await expect(withRetry(async () => { calls++; throw new TypeError('bug'); }, opts)).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(2);
    calls = 0;
    await expect(withRetry(async () => { calls++; throw new RafterConnectionError('lost', 'h:1'); }, opts)).rejects.toBeInstanceOf(RafterConnectionError);
    expect(calls).toBe(policy.retries + 1);
  });

  it('bail() stops at once with the given error', async () => {
    let calls = 0;
    const stop = new Error('stop');
    await expect(withRetry(async (bail) => { calls++; bail(stop); }, { policy, clock: instantClock([]) })).rejects.toBe(stop);
    expect(calls).toBe(1);
  });

  it('validates the policy, naming the field', () => {
    expect(() => resolveRetryPolicy({ retries: -1 })).toThrow(RafterInvalidArgumentError);
    expect(() => resolveRetryPolicy({ initialRetryTimeMs: 500, maxRetryTimeMs: 100 })).toThrow(/retry.maxRetryTimeMs/);
  });
});
