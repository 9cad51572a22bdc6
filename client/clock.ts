// Time and randomness enter the SDK only through these, so tests (and the simulator) can drive them.

export type TimerHandle = unknown;

export interface Clock {
  nowMs(): number;
  setTimeout(fn: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

// Globals are looked up at call time, not captured at load, so fake timers installed later still apply.
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  setTimeout: (fn, delayMs) => setTimeout(fn, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const systemRng: Rng = () => Math.random();

/** Resolves after `delayMs`, or at once when `cancel` fires; reports which happened. */
export function sleep(clock: Clock, delayMs: number, cancel?: Promise<unknown>): Promise<'slept' | 'cancelled'> {
  return new Promise((resolve) => {
    const handle = clock.setTimeout(() => resolve('slept'), delayMs);
    cancel?.then(() => {
      clock.clearTimeout(handle);
      resolve('cancelled');
    });
  });
}
