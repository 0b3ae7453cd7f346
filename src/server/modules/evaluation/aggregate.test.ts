import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApplicationScores, aggregate, round2, type StageRule, trimmedMean } from './aggregate';

const DOC: StageRule = { panelId: 'doc', weight: 30 };
const PRES: StageRule = { panelId: 'pres', weight: 70 };
const sheets = (...totals: number[]) => totals.map((total) => ({ total }));
const app = (id: string, doc: number[], extra: Partial<ApplicationScores> = {}): ApplicationScores => ({
  applicationId: id,
  submittedAt: 0,
  bonus: 0,
  sheets: { doc: sheets(...doc) },
  ...extra,
});

const total = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
const totals = (min: number, max: number) => fc.array(total, { minLength: min, maxLength: max });

describe('round2', () => {
  it('rounds half away from zero at two decimals', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(83.333333)).toBe(83.33);
    expect(round2(-2.345)).toBe(-2.35);
    expect(round2(0)).toBe(0);
  });
});

describe('trimmedMean', () => {
  it('drops the single highest and lowest with 5 or more reviewers', () => {
    expect(trimmedMean([90, 80, 70, 60, 50])).toEqual({ mean: 70, high: 90, low: 50 });
    // duplicates: only one of each is dropped
    expect(trimmedMean([90, 90, 70, 50, 50])).toEqual({ mean: (90 + 70 + 50) / 3, high: 90, low: 50 });
  });

  it('property: with ≥ N totals, the mean is of the rest after removing one max and one min', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 7 }), totals(0, 12), (n, xs) => {
        const r = trimmedMean(xs, n);
        if (xs.length === 0) {
          expect(r.mean).toBeNull();
          return;
        }
        if (xs.length < n) {
          expect(r.high).toBeNull();
          expect(r.low).toBeNull();
          expect(r.mean).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 9);
          return;
        }
        expect(r.high).toBe(Math.max(...xs));
        expect(r.low).toBe(Math.min(...xs));
        const rest = [...xs].sort((a, b) => a - b).slice(1, -1);
        expect(r.mean).toBeCloseTo(rest.reduce((s, x) => s + x, 0) / rest.length, 9);
        expect(r.mean!).toBeGreaterThanOrEqual(r.low!);
        expect(r.mean!).toBeLessThanOrEqual(r.high!);
      }),
    );
  });

  it('property: fewer than N reviewers means no drop', () => {
    fc.assert(
      fc.property(totals(1, 4), (xs) => {
        const r = trimmedMean(xs);
        expect([r.high, r.low]).toEqual([null, null]);
      }),
    );
  });
});

describe('aggregate', () => {
  it('weights the stages (서면 30 / 발표 70), adds capped bonus and applies the cut-off before bonus', () => {
    const [r] = aggregate(
      [app('a', [80, 80, 80], { bonus: 5, sheets: { doc: sheets(80, 80, 80), pres: sheets(60, 70, 65) } })],
      { stages: [DOC, PRES], bonusCap: 3, cutoff: 70 },
    );
    // 80 × 0.3 + 65 × 0.7 = 69.5 → below 70 although final with bonus is 72.5
    expect(r).toMatchObject({ weighted: 69.5, bonus: 3, final: 72.5, passed: false, rank: 1 });
    expect(r.stages).toEqual([
      { panelId: 'doc', rawTotals: [80, 80, 80], dropped: { high: null, low: null }, mean: 80 },
      { panelId: 'pres', rawTotals: [60, 70, 65], dropped: { high: null, low: null }, mean: 65 },
    ]);
  });

  it('scales a rubric out of other than 100 points', () => {
    const [r] = aggregate([app('a', [40, 40])], { stages: [{ ...DOC, maxTotal: 50 }], bonusCap: 0 });
    expect(r.final).toBe(80);
  });

  it('leaves an application without sheets in a stage unscored and unranked', () => {
    const rs = aggregate([app('a', []), app('b', [75])], { stages: [DOC], bonusCap: 0 });
    expect(rs.map((r) => [r.applicationId, r.rank, r.final, r.passed])).toEqual([
      ['b', 1, 75, true],
      ['a', null, null, false],
    ]);
  });

  it('breaks ties by the named criterion, then earlier submission, then id', () => {
    const s = (total: number, tech: number) => ({ total, criteria: { tech } });
    const rs = aggregate(
      [
        { applicationId: 'c', submittedAt: 3, bonus: 0, sheets: { doc: [s(80, 20)] } },
        { applicationId: 'b', submittedAt: 2, bonus: 0, sheets: { doc: [s(80, 25)] } },
        { applicationId: 'a', submittedAt: 2, bonus: 0, sheets: { doc: [s(80, 20)] } },
        { applicationId: 'd', submittedAt: 1, bonus: 0, sheets: { doc: [s(80, 20)] } },
        { applicationId: 'e', submittedAt: 1, bonus: 0, sheets: { doc: [s(80, 20)] } },
      ],
      { stages: [DOC], bonusCap: 0, tieBreakCriterion: 'tech' },
    );
    expect(rs.map((r) => r.applicationId)).toEqual(['b', 'd', 'e', 'a', 'c']);
  });

  const appArb = (id: number) =>
    fc.record({
      applicationId: fc.constant(`app-${String(id).padStart(3, '0')}`),
      submittedAt: fc.integer({ min: 0, max: 5 }),
      bonus: fc.integer({ min: -2, max: 10 }),
      sheets: fc.record({
        doc: fc.array(
          fc.record({ total: total, criteria: fc.record({ tech: fc.integer({ min: 0, max: 30 }) }) }),
          { maxLength: 7 },
        ),
        pres: fc.array(fc.record({ total }), { minLength: 1, maxLength: 7 }),
      }),
    });
  const appsArb = fc
    .integer({ min: 0, max: 12 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => appArb(i))));
  const rulesArb = fc.record({
    stages: fc.tuple(
      fc.record({ panelId: fc.constant('doc'), weight: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ panelId: fc.constant('pres'), weight: fc.integer({ min: 1, max: 100 }) }),
    ),
    bonusCap: fc.integer({ min: 0, max: 5 }),
    cutoff: fc.integer({ min: 0, max: 100 }),
    tieBreakCriterion: fc.constantFrom('tech', null),
  });

  it('property: rank is a permutation of 1..k over the scored applications, in non-increasing final', () => {
    fc.assert(
      fc.property(appsArb, rulesArb, (apps, rules) => {
        const rs = aggregate(apps, rules);
        expect(rs.length).toBe(apps.length);
        const scored = rs.filter((r) => r.final !== null);
        expect(scored.map((r) => r.rank)).toEqual(scored.map((_, i) => i + 1));
        expect(rs.filter((r) => r.final === null).every((r) => r.rank === null)).toBe(true);
        for (let i = 1; i < scored.length; i++)
          expect(scored[i - 1].final!).toBeGreaterThanOrEqual(scored[i].final!);
      }),
    );
  });

  it('property: bonus is capped and final = weighted + bonus; passed is the cut-off on weighted', () => {
    fc.assert(
      fc.property(appsArb, rulesArb, (apps, rules) => {
        for (const r of aggregate(apps, rules)) {
          const claimed = apps.find((a) => a.applicationId === r.applicationId)!.bonus;
          expect(r.bonus).toBe(Math.min(rules.bonusCap, Math.max(0, claimed)));
          if (r.final === null) continue;
          expect(Math.abs(r.final - (r.weighted! + r.bonus))).toBeLessThanOrEqual(0.0100001);
          expect(r.passed).toBe(r.weighted! >= rules.cutoff);
        }
      }),
    );
  });

  it('property: the weighted score lies between the smallest and largest stage means (normalised weights)', () => {
    fc.assert(
      fc.property(appsArb, rulesArb, (apps, rules) => {
        for (const r of aggregate(apps, rules)) {
          if (r.weighted === null) continue;
          const means = r.stages.map((s) => s.mean!);
          expect(r.weighted).toBeGreaterThanOrEqual(Math.min(...means) - 0.01);
          expect(r.weighted).toBeLessThanOrEqual(Math.max(...means) + 0.01);
        }
      }),
    );
  });

  it('property: scaling all weights does not change anything', () => {
    fc.assert(
      fc.property(appsArb, rulesArb, fc.integer({ min: 2, max: 9 }), (apps, rules, k) => {
        const scaled = { ...rules, stages: rules.stages.map((s) => ({ ...s, weight: s.weight * k })) };
        expect(aggregate(apps, scaled)).toEqual(aggregate(apps, rules));
      }),
    );
  });

  it('property: the order of reviewers and of applications does not matter', () => {
    fc.assert(
      fc.property(appsArb, rulesArb, fc.integer(), (apps, rules, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: (Math.imul(i + 1, seed | 1) >>> 0) % 1009 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        const shuffled = shuffle(apps).map((a) => ({
          ...a,
          sheets: { doc: shuffle(a.sheets.doc), pres: shuffle(a.sheets.pres) },
        }));
        const norm = (rs: ReturnType<typeof aggregate>) =>
          rs.map((r) => ({
            ...r,
            stages: r.stages.map((s) => ({ ...s, rawTotals: [...s.rawTotals].sort() })),
          }));
        expect(norm(aggregate(shuffled, rules))).toEqual(norm(aggregate(apps, rules)));
      }),
    );
  });
});
