import { type Role, STAFF_ROLES } from '../../shared/enums';
import { rolesFor } from '../../shared/permissions';

/** Role sets of screens and menu items, all derived from the shared permissions list. */
export { rolesFor };
export const STAFF: readonly Role[] = STAFF_ROLES;
/** SME and supplier members: their company, their applications */
export const COMPANY_ROLES = rolesFor('company.register');
/** who searches the registry: staff and partners (their association's firms) */
export const REGISTRY_ROLES = rolesFor('company.list');
/** who takes the DX diagnosis: SME members, for their own company */
export const DIAGNOSIS_TAKERS = rolesFor('diagnosis.take');
/** who may open a diagnosis and its result: the firm's SME members and staff */
export const DIAGNOSIS_READERS = rolesFor('diagnosis.read');
/** who sees the aggregate diagnosis statistics (no firm-level data) */
export const DIAGNOSIS_ANALYSTS = rolesFor('diagnosis.analytics');

export const isStaffRole = (role: Role | undefined) => !!role && STAFF.includes(role);

export interface NavItem {
  to: string;
  key: string;
  roles?: readonly Role[];
  /** whether a path belongs to this item (defaults to the path itself and everything under it) */
  match?: (path: string) => boolean;
}

/** A first-level menu entry that opens a list of pages (KRDS main menu with a second level). */
export interface NavGroup {
  /** i18n key of the group's button */
  key: string;
  items: NavItem[];
}

export type NavEntry = NavItem | NavGroup;

export const isNavGroup = (e: NavEntry): e is NavGroup => 'items' in e;

/**
 * The main navigation; items without roles are for everyone. Staff pages sit in groups so the bar
 * stays on one line at 1280 px (issue 10); a group a role sees one page of is shown as that page's link.
 */
export const NAV: NavEntry[] = [
  { to: '/', key: 'nav.home', match: (p) => p === '/' },
  { to: '/programs', key: 'nav.programs' },
  { to: '/calls', key: 'nav.calls' },
  { to: '/my/company', key: 'nav.myCompany', roles: rolesFor('company.register') },
  { to: '/my/applications', key: 'nav.myApplications', roles: rolesFor('application.apply') },
  {
    to: '/diagnosis',
    key: 'nav.diagnosis',
    roles: rolesFor('diagnosis.take'),
    match: (p) => p.startsWith('/diagnosis') || p.startsWith('/diagnoses/'),
  },
  { to: '/staff/calls', key: 'nav.staffCalls', roles: rolesFor('call.manage') },
  {
    key: 'nav.companyGroup',
    items: [
      {
        to: '/companies',
        key: 'nav.companies',
        roles: rolesFor('company.list'),
        match: (p) =>
          p === '/companies' || (/^\/companies\/[^/]+$/.test(p) && !/\/(duplicates|import)$/.test(p)),
      },
      { to: '/companies/duplicates', key: 'nav.duplicates', roles: rolesFor('company.merge') },
      { to: '/staff/claims', key: 'claims.nav', roles: rolesFor('claim.review') },
      { to: '/companies/import', key: 'nav.import', roles: rolesFor('company.import') },
    ],
  },
  { to: '/staff/diagnosis', key: 'nav.diagnosisAnalytics', roles: rolesFor('diagnosis.analytics') },
  {
    to: '/staff/diagnosis/invitations',
    key: 'nav.diagnosisInvitations',
    // staff reach invitations from the statistics' sub-navigation
    roles: rolesFor('diagnosis.invitations').filter((r) => !STAFF.includes(r)),
  },
  {
    key: 'nav.adminGroup',
    items: [
      { to: '/admin/users', key: 'nav.users', roles: rolesFor('user.manage') },
      { to: '/admin/associations', key: 'nav.associations', roles: STAFF },
      { to: '/admin/access-log', key: 'nav.accessLog', roles: rolesFor('accessLog.read') },
      { to: '/staff/outbox', key: 'outbox.nav', roles: rolesFor('outbox.manage') },
    ],
  },
];

const sees = (role: Role | undefined) => (i: NavItem) => !i.roles || (!!role && i.roles.includes(role));

/** What a role's navigation shows: its items, groups cut to the role's pages, a one-page group as that page. */
export function navFor(role: Role | undefined): NavEntry[] {
  return NAV.flatMap((e): NavEntry[] => {
    if (!isNavGroup(e)) return sees(role)(e) ? [e] : [];
    const items = e.items.filter(sees(role));
    return items.length > 1 ? [{ ...e, items }] : items;
  });
}

export function isNavActive(item: NavItem, path: string): boolean {
  return item.match ? item.match(path) : path === item.to || path.startsWith(`${item.to}/`);
}
