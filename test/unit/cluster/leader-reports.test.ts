import { LeaderReports, parseLeaderReport } from '../../../broker/cluster/leader-reports';

const STALE_MS = 2_000;

describe('LeaderReports', () => {
  it('reports a group as its leader last reported it', () => {
    const reports = new LeaderReports(STALE_MS);
    reports.accept({ brokerId: 2, groups: [{ groupId: 7, term: 3, inSyncReplicas: [1, 2, 3] }] }, 1_000);
    expect(reports.reported(7, 1_500)).toEqual({ leaderId: 2, leaderEpoch: 3, inSyncReplicas: [1, 2, 3] });
    expect(reports.reported(8, 1_500)).toBeUndefined();
  });

  it('forgets a report older than staleAfterMs (its broker stopped answering)', () => {
    const reports = new LeaderReports(STALE_MS);
    reports.accept({ brokerId: 2, groups: [{ groupId: 7, term: 3, inSyncReplicas: [2] }] }, 1_000);
    expect(reports.reported(7, 1_000 + STALE_MS)).toBeDefined();
    expect(reports.reported(7, 1_001 + STALE_MS)).toBeUndefined();
  });

  it('keeps the higher term when two brokers claim a group, until that report goes stale', () => {
    const reports = new LeaderReports(STALE_MS);
    reports.accept({ brokerId: 3, groups: [{ groupId: 7, term: 5, inSyncReplicas: [1, 3] }] }, 1_000);
    // A deposed leader that has not heard of the election yet.
    reports.accept({ brokerId: 2, groups: [{ groupId: 7, term: 4, inSyncReplicas: [1, 2, 3] }] }, 1_100);
    expect(reports.reported(7, 1_200)?.leaderId).toBe(3);
    reports.accept({ brokerId: 2, groups: [{ groupId: 7, term: 6, inSyncReplicas: [1, 2] }] }, 1_300);
    expect(reports.reported(7, 1_400)).toEqual({ leaderId: 2, leaderEpoch: 6, inSyncReplicas: [1, 2] });
    // Broker 3's term-5 report is older than STALE_MS when broker 2 reports term 4 again after a restart.
    const reset = new LeaderReports(STALE_MS);
    reset.accept({ brokerId: 3, groups: [{ groupId: 7, term: 5, inSyncReplicas: [3] }] }, 1_000);
    reset.accept({ brokerId: 2, groups: [{ groupId: 7, term: 4, inSyncReplicas: [2] }] }, 1_001 + STALE_MS);
    expect(reset.reported(7, 1_002 + STALE_MS)?.leaderId).toBe(2);
  });

  it("drops a group its broker no longer reports, but not another broker's report of it", () => {
    const reports = new LeaderReports(STALE_MS);
    reports.accept({ brokerId: 2, groups: [{ groupId: 7, term: 3, inSyncReplicas: [2] }, { groupId: 8, term: 1, inSyncReplicas: [2] }] }, 1_000);
    reports.accept({ brokerId: 3, groups: [{ groupId: 8, term: 2, inSyncReplicas: [3] }] }, 1_100);
    reports.accept({ brokerId: 2, groups: [] }, 1_200);
    expect(reports.reported(7, 1_300)).toBeUndefined();
    expect(reports.reported(8, 1_300)?.leaderId).toBe(3);
  });
});

describe('parseLeaderReport', () => {
  it("takes a well-formed report from the broker it asked and nothing else", () => {
    const body = { brokerId: 2, groups: [{ groupId: 7, term: 3, inSyncReplicas: [1, 2] }] };
    expect(parseLeaderReport(body, 2)).toEqual(body);
    expect(parseLeaderReport(body, 3)).toBeUndefined();
    expect(parseLeaderReport(null, 2)).toBeUndefined();
    expect(parseLeaderReport({ brokerId: 2, groups: {} }, 2)).toBeUndefined();
    expect(parseLeaderReport({ brokerId: 2, groups: [{ groupId: 7, term: -1, inSyncReplicas: [] }] }, 2)).toBeUndefined();
    expect(parseLeaderReport({ brokerId: 2, groups: [{ groupId: 7, term: 1, inSyncReplicas: ['1'] }] }, 2)).toBeUndefined();
  });
});
