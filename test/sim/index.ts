// The deterministic Raft simulator: run seeds, read results, print reproducers.
export { runSimulation } from './simulator';
export type { Sabotage, SimOptions, SimResult, SimStats } from './simulator';
export { describePlan, formatFailure, reproduceCommand, runSeed } from './reproducer';
export { MIX_NAMES } from './fault-plan';
export { InvariantViolation } from './invariant-checker';
export type { InvariantName } from './invariant-checker';
