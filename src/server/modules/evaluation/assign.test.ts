import { describe, expect, it } from 'vitest';
import { exclusionReason } from './assign';

describe('exclusionReason (제척)', () => {
  const brn = '1234567891';
  it('excludes the reviewer’s own company and every declared relationship, by BRN', () => {
    expect(exclusionReason({ affiliationBrn: brn, relationships: [] }, brn)).toContain('same company');
    for (const kind of ['employee', 'advisor', 'shareholder', 'formerEmployer'] as const)
      expect(exclusionReason({ affiliationBrn: null, relationships: [{ brn, kind }] }, brn)).toContain(kind);
    expect(
      exclusionReason({ affiliationBrn: null, relationships: [{ brn, kind: 'formerEmployer' }] }, brn),
    ).toContain('123-45-67891');
  });

  it('lets a reviewer without a link (or without a profile) review', () => {
    expect(exclusionReason(undefined, brn)).toBeNull();
    expect(
      exclusionReason(
        { affiliationBrn: '2222222222', relationships: [{ brn: '3333333333', kind: 'advisor' }] },
        brn,
      ),
    ).toBeNull();
  });
});
