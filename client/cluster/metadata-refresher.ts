// The producer's sender and the consumer's fetcher each refresh metadata when a partition has no leader they can
// reach: one refresh at a time, and after each, a backoff (growing with consecutive failures) before the caller
// asks again, so an election under way is not hammered.
import type { Clock, Rng } from '../clock';
import { backoffMs, type RetryPolicy } from '../retry';
import type { Cluster } from './cluster';

export class MetadataRefresher {
  private refreshing = false;
  private failures = 0;

  /** onSettled gets the time from which another refresh is worth asking for. */
  constructor(
    private readonly cluster: Cluster,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly retry: RetryPolicy,
    private readonly onSettled: (retryAtMs: number) => void,
  ) {}

  get inFlight(): boolean {
    return this.refreshing;
  }

  refresh(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.cluster
      .refresh()
      .then(
        () => (this.failures = 0),
        () => this.failures++,
      )
      .finally(() => {
        this.refreshing = false;
        this.onSettled(this.clock.nowMs() + backoffMs(this.retry, this.failures, this.rng));
      });
  }
}
