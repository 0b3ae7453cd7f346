import { describe, expect, it } from 'vitest';
import { collectModules, defineModule } from './module';

describe('collectModules', () => {
  const a = defineModule({
    name: 'a',
    maintenance: [async () => 'a'],
    eligibilityRules: { one: async () => ({ ok: true }) },
    onCompanyMerge: async () => {},
  });
  const b = defineModule({ name: 'b', eligibilityRules: { two: async () => ({ ok: false }) } });

  it('builds the registries from the listed definitions, in list order', () => {
    const installed = collectModules([a, b]);
    expect([...installed.eligibilityRules.keys()]).toEqual(['one', 'two']);
    expect(installed.maintenance).toHaveLength(1);
    expect(installed.companyMergeHooks).toHaveLength(1);
    expect(installed.routes).toEqual([]);
  });

  it('refuses a module listed twice and a rule type defined by two modules', () => {
    expect(() => collectModules([a, a])).toThrow(/listed twice/);
    expect(() => collectModules([a, { name: 'c', eligibilityRules: { one: async () => null } }])).toThrow(
      /defined twice/,
    );
  });
});
