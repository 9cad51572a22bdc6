// Retry with jittered exponential backoff. One function, as kafkajs's retry: the callback may `bail` to stop at
// once, and only errors whose rule says so (RafterError.retriable) are retried; TypeError and friends never are.
import { Clock, Rng, sleep, systemClock, systemRng } from './clock';
import { isRetriable, RafterInvalidArgumentError } from './errors';

export interface RetryPolicy {
  /** Wait before the first retry; doubles each time. */
  initialRetryTimeMs: number;
  /** Cap on any single wait. */
  maxRetryTimeMs: number;
  /** Retries after the first attempt. */
  retries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialRetryTimeMs: 100, maxRetryTimeMs: 10_000, retries: 8 };

export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...partial };
  if (!(policy.initialRetryTimeMs >= 0)) throw new RafterInvalidArgumentError('retry.initialRetryTimeMs', 'must be >= 0');
  if (!(policy.maxRetryTimeMs >= policy.initialRetryTimeMs)) {
    throw new RafterInvalidArgumentError('retry.maxRetryTimeMs', 'must be >= retry.initialRetryTimeMs');
  }
  if (!Number.isInteger(policy.retries) || policy.retries < 0) throw new RafterInvalidArgumentError('retry.retries', 'must be an integer >= 0');
  return policy;
}

/**
 * The wait before retry number `attempt` (0-based): initial * 2^attempt, jittered by ±20% so that clients that
 * failed together do not retry together, and capped at maxRetryTimeMs.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, rng: Rng = systemRng): number {
  const base = Math.min(policy.maxRetryTimeMs, policy.initialRetryTimeMs * 2 ** Math.min(attempt, 30));
  return Math.min(policy.maxRetryTimeMs, Math.round(base * (0.8 + 0.4 * rng())));
}

export interface RetryContext {
  policy: RetryPolicy;
  clock?: Clock;
  rng?: Rng;
  /** Stop retrying (and wait no longer) once this settles: a client closing. */
  cancel?: Promise<unknown>;
  /** Called before each wait, e.g. to refresh metadata after a stale-metadata error. */
  onRetry?: (error: unknown, attempt: number) => void | Promise<void>;
}

export type Bail = (error: unknown) => never;

class BailSignal {
  constructor(readonly error: unknown) {}
}

const bail: Bail = (error) => {
  throw new BailSignal(error);
};

export async function withRetry<T>(fn: (bail: Bail, attempt: number) => Promise<T>, ctx: RetryContext): Promise<T> {
  const clock = ctx.clock ?? systemClock;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(bail, attempt);
    } catch (error) {
      if (error instanceof BailSignal) throw error.error;
      if (!isRetriable(error) || attempt >= ctx.policy.retries) throw error;
      await ctx.onRetry?.(error, attempt);
      const waited = await sleep(clock, backoffMs(ctx.policy, attempt, ctx.rng), ctx.cancel);
      if (waited === 'cancelled') throw error;
    }
  }
}
