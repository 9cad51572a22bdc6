import { backoffDelayMs } from '../../../broker/replication';

describe('reconnect backoff', () => {
  it('doubles from the minimum up to the cap, each delay between half and all of its step', () => {
    const steps = [0, 1, 2, 3, 4, 5, 40].map((attempt) => [
      backoffDelayMs(attempt, 100, 1000, () => 0), backoffDelayMs(attempt, 100, 1000, () => 0.999999),
    ]);
    expect(steps.map(([low]) => low)).toEqual([50, 100, 200, 400, 500, 500, 500]);
    expect(steps.map(([, high]) => Math.round(high))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
});
