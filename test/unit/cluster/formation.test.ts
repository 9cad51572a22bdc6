// When a broker whose store holds no controller group may found the cluster, and when it must recover.
import { Formation, isControllerUnformed } from '../../../broker/cluster/formation';

const unformed = (storeId: string) => ({ storeId, controllerUnformed: true });
const formed = (storeId: string) => ({ storeId, controllerUnformed: false });

describe('cluster formation', () => {
  it('a single seed founds at once: there is nobody to ask', () => {
    const f = new Formation(1, [1]);
    expect(f.decision()).toBe('founding');
    expect(f.explain()).toBe('the only seed');
  });

  it('founds only once every other seed reports unformed', () => {
    const f = new Formation(1, [1, 2, 3]);
    expect(f.decision()).toBe('undecided');
    f.report(2, unformed('s2'));
    // A majority (1 and 2) says unformed, but seed 3 might be a paused broker holding every acknowledged entry.
    expect(f.decision()).toBe('undecided');
    expect(f.waitingFor()).toEqual([3]);
    expect(f.explain()).toBe('waiting for seeds 3 to report; unformed so far: 2 (store s2)');
    f.report(3, unformed('s3'));
    expect(f.decision()).toBe('founding');
    expect(f.explain()).toBe('every other seed reports unformed: 2 (store s2), 3 (store s3)');
  });

  it('recovers as soon as one seed reports the cluster formed, whatever the others say', () => {
    const f = new Formation(2, [1, 2, 3]);
    f.report(3, unformed('s3'));
    f.report(1, formed('s1'));
    expect(f.decision()).toBe('recovering');
    f.report(1, unformed('s1-wiped'));
    expect(f.decision()).toBe('recovering');
    expect(f.explain()).toBe('broker 1 (store s1) reports the cluster formed');
  });

  it('counts only seeds, and not this broker speaking of itself', () => {
    const f = new Formation(1, [1, 2, 3]);
    f.report(1, formed('own'));
    f.report(9, formed('stranger'));
    f.report(2, unformed('s2'));
    expect(f.decision()).toBe('undecided');
    expect(() => new Formation(4, [1, 2, 3])).toThrow(/not among the seeds/);
  });

  it('a controller group is unformed only while it has taken part in nothing', () => {
    const bootstrap = { hosted: true, recovering: false, lastIndex: 1, term: 1, vote: 0 };
    expect(isControllerUnformed({ ...bootstrap, hosted: false, term: 0 })).toBe(true);
    expect(isControllerUnformed(bootstrap)).toBe(true);
    expect(isControllerUnformed({ ...bootstrap, term: 2 })).toBe(false);
    expect(isControllerUnformed({ ...bootstrap, vote: 3 })).toBe(false);
    expect(isControllerUnformed({ ...bootstrap, lastIndex: 2 })).toBe(false);
    // Recovering: it was told the cluster exists.
    expect(isControllerUnformed({ ...bootstrap, recovering: true })).toBe(false);
  });
});
