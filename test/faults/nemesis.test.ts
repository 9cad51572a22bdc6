// The nemesis schedule is drawn from the seed alone, before the run: the same seed gives the same schedule, and even
// a short one has every kind asked for.
import { describeFault, NEMESIS_KINDS, planSchedule } from './nemesis';

describe('nemesis schedule', () => {
  it('is the same for the same seed and differs for another', () => {
    const plan = (seed: number) => planSchedule({ seed, kinds: NEMESIS_KINDS, totalMs: 10 * 60_000 }).map(describeFault);
    expect(plan(42)).toEqual(plan(42));
    expect(plan(43)).not.toEqual(plan(42));
  });

  it('covers the time asked for and has every kind within one round of them', () => {
    const schedule = planSchedule({ seed: 7, kinds: NEMESIS_KINDS, totalMs: 5 * 60_000 });
    const totalMs = schedule.reduce((sum, f) => sum + f.gapMs + f.durationMs, 0);
    expect(totalMs).toBeGreaterThanOrEqual(5 * 60_000);
    expect(new Set(schedule.slice(0, NEMESIS_KINDS.length).map((f) => f.kind))).toEqual(new Set(NEMESIS_KINDS));
  });

  it('keeps pauses within the range asked for', () => {
    const schedule = planSchedule({ seed: 3, kinds: ['pause'], totalMs: 5 * 60_000, pauseMs: [40_000, 45_000] });
    expect(schedule.every((f) => f.kind === 'pause' && f.durationMs >= 40_000 && f.durationMs <= 45_000)).toBe(true);
  });
});
