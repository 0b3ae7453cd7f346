import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import { isNavGroup, type NavEntry, navFor } from './roles';

/** a role's navigation as keys, a group as `key[item, …]` */
const shape = (role: Role | undefined) =>
  navFor(role).map((e: NavEntry) =>
    isNavGroup(e) ? `${e.key}[${e.items.map((i) => i.key).join(', ')}]` : e.key,
  );

describe('main navigation by role (issue 10: one line at 1280 px)', () => {
  it('groups the admin pages under 기업 관리 and 운영 관리', () => {
    expect(shape('admin')).toEqual([
      'nav.home',
      'nav.programs',
      'nav.calls',
      'nav.staffCalls',
      'nav.companyGroup[nav.companies, nav.duplicates, claims.nav, nav.import]',
      'nav.diagnosisAnalytics',
      'nav.adminGroup[nav.users, nav.associations, nav.accessLog, outbox.nav]',
    ]);
  });

  it('shows a manager only the pages of the groups they may open', () => {
    expect(shape('manager')).toContain('nav.adminGroup[nav.associations, outbox.nav]');
  });

  it('shows a group of one page as that page, and no groups to the public or to SMEs', () => {
    expect(shape('partner')).toEqual([
      'nav.home',
      'nav.programs',
      'nav.calls',
      'nav.companyGroup[nav.companies, nav.import]',
      'nav.diagnosisInvitations',
    ]);
    expect(shape('viewer')).toEqual(['nav.home', 'nav.programs', 'nav.calls', 'nav.diagnosisAnalytics']);
    expect(navFor('sme').some(isNavGroup)).toBe(false);
    expect(shape(undefined)).toEqual(['nav.home', 'nav.programs', 'nav.calls']);
  });
});
