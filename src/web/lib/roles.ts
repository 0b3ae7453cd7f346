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

/** The main navigation; items without roles are for everyone. */
export const NAV_ITEMS: NavItem[] = [
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
    to: '/companies',
    key: 'nav.companies',
    roles: rolesFor('company.list'),
    match: (p) => p === '/companies' || (/^\/companies\/[^/]+$/.test(p) && !/\/(duplicates|import)$/.test(p)),
  },
  { to: '/staff/diagnosis', key: 'nav.diagnosisAnalytics', roles: rolesFor('diagnosis.analytics') },
  {
    to: '/staff/diagnosis/invitations',
    key: 'nav.diagnosisInvitations',
    // staff reach invitations from the statistics' sub-navigation
    roles: rolesFor('diagnosis.invitations').filter((r) => !STAFF.includes(r)),
  },
  { to: '/companies/duplicates', key: 'nav.duplicates', roles: rolesFor('company.merge') },
  { to: '/staff/claims', key: 'claims.nav', roles: rolesFor('claim.review') },
  { to: '/companies/import', key: 'nav.import', roles: rolesFor('company.import') },
  { to: '/admin/users', key: 'nav.users', roles: rolesFor('user.manage') },
  { to: '/admin/associations', key: 'nav.associations', roles: STAFF },
  { to: '/admin/access-log', key: 'nav.accessLog', roles: rolesFor('accessLog.read') },
  { to: '/staff/outbox', key: 'outbox.nav', roles: rolesFor('outbox.manage') },
];

export function navFor(role: Role | undefined): NavItem[] {
  return NAV_ITEMS.filter((i) => !i.roles || (role && i.roles.includes(role)));
}

export function isNavActive(item: NavItem, path: string): boolean {
  return item.match ? item.match(path) : path === item.to || path.startsWith(`${item.to}/`);
}
