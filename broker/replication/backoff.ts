/**
 * Delay before reconnect attempt `attempt` (0 = first retry): exponential from minMs, capped at maxMs, with "equal
 * jitter" — half fixed, half random — so brokers that lost a peer together do not redial it in lockstep, yet none
 * retries sooner than half the schedule.
 */
export function backoffDelayMs(attempt: number, minMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (ceiling / 2) * random();
}
