import { describe, expect, it } from 'vitest';
import { ruleCreateBody } from './contract';
import { DEFAULT_RULES } from './default-instrument';
import { conditionHolds, matchRules, type ResultFacts } from './recommendations';

const facts = (stage: number, overall: number, dimensions: Record<string, number | null>): ResultFacts => ({
  stage,
  overall,
  dimensions,
});
const codes = (f: ResultFacts) => matchRules(DEFAULT_RULES, f).map((r) => r.programCode);
const dims = (d: Partial<Record<string, number | null>>) => ({
  strategy: 50,
  readiness: 50,
  people: 50,
  data: 50,
  ai: 50,
  greenSecure: 50,
  ...d,
});

describe('recommendation rules', () => {
  it('the default rules are valid rule bodies', () => {
    for (const r of DEFAULT_RULES) expect(ruleCreateBody.safeParse(r).success, r.programCode).toBe(true);
  });

  it('stage ≤ 2 → leadership course (DLC) and DX consulting (DXC)', () => {
    expect(codes(facts(2, 35, dims({})))).toEqual(['DLC', 'DXC']);
    expect(codes(facts(1, 12, dims({})))).toEqual(['DLC', 'DXC']);
    expect(codes(facts(3, 45, dims({})))).not.toContain('DXC');
  });

  it('strong data (≥ 60) but weak AI (< 40) → AI business innovation (AIX); boundaries are exact', () => {
    expect(codes(facts(3, 55, dims({ data: 60, ai: 39.9 })))).toContain('AIX');
    expect(codes(facts(3, 55, dims({ data: 59.9, ai: 20 })))).not.toContain('AIX');
    expect(codes(facts(3, 55, dims({ data: 80, ai: 40 })))).not.toContain('AIX');
  });

  it('weak areas point to the matching programs, highest priority first', () => {
    const matched = codes(facts(3, 41, dims({ data: 30, readiness: 20, people: 35, ai: 30 })));
    expect(matched).toEqual(['AIP', 'DTC', 'CLD', 'POP']);
  });

  it('a condition on a dimension that was not scored (or does not exist) does not hold; inactive rules never match', () => {
    expect(
      conditionHolds({ on: 'dimension', dimension: 'ai', op: 'lt', value: 40 }, facts(3, 50, { ai: null })),
    ).toBe(false);
    expect(conditionHolds({ on: 'dimension', dimension: 'zzz', op: 'lt', value: 40 }, facts(3, 50, {}))).toBe(
      false,
    );
    expect(conditionHolds({ on: 'overall', op: 'gte', value: 50 }, facts(3, 50, {}))).toBe(true);
    expect(conditionHolds({ on: 'overall', op: 'gt', value: 50 }, facts(3, 50, {}))).toBe(false);
    const inactive = DEFAULT_RULES.map((r) => ({ ...r, active: false }));
    expect(matchRules(inactive, facts(1, 5, dims({})))).toEqual([]);
  });
});
