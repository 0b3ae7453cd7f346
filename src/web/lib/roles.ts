import type { Role } from '../../shared/enums';

export const STAFF: readonly Role[] = ['admin', 'manager'];
export const COMPANY_ROLES: readonly Role[] = ['sme', 'supplier'];
export const REGISTRY_ROLES: readonly Role[] = ['admin', 'manager', 'partner'];
/** who takes the DX diagnosis: SME members, for their own company */
export const DIAGNOSIS_TAKERS: readonly Role[] = ['sme'];
/** who may open a diagnosis and its result: the firm's SME members and staff */
export const DIAGNOSIS_READERS: readonly Role[] = ['sme', 'admin', 'manager'];
/** who sees the aggregate diagnosis statistics (no firm-level data) */
export const DIAGNOSIS_ANALYSTS: readonly Role[] = ['admin', 'manager', 'viewer'];

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
  { to: '/my/company', key: 'nav.myCompany', roles: COMPANY_ROLES },
  { to: '/my/applications', key: 'nav.myApplications', roles: COMPANY_ROLES },
  {
    to: '/diagnosis',
    key: 'nav.diagnosis',
    roles: DIAGNOSIS_TAKERS,
    match: (p) => p.startsWith('/diagnosis') || p.startsWith('/diagnoses/'),
  },
  { to: '/staff/calls', key: 'nav.staffCalls', roles: STAFF },
  {
    to: '/companies',
    key: 'nav.companies',
    roles: REGISTRY_ROLES,
    match: (p) => p === '/companies' || (/^\/companies\/[^/]+$/.test(p) && !/\/(duplicates|import)$/.test(p)),
  },
  { to: '/staff/diagnosis', key: 'nav.diagnosisAnalytics', roles: DIAGNOSIS_ANALYSTS },
  { to: '/staff/diagnosis/invitations', key: 'nav.diagnosisInvitations', roles: ['partner'] },
  { to: '/companies/duplicates', key: 'nav.duplicates', roles: STAFF },
  { to: '/staff/claims', key: 'claims.nav', roles: STAFF },
  { to: '/companies/import', key: 'nav.import', roles: REGISTRY_ROLES },
  { to: '/admin/users', key: 'nav.users', roles: ['admin'] },
  { to: '/admin/associations', key: 'nav.associations', roles: STAFF },
  { to: '/admin/access-log', key: 'nav.accessLog', roles: ['admin'] },
  { to: '/staff/outbox', key: 'outbox.nav', roles: STAFF },
];

export function navFor(role: Role | undefined): NavItem[] {
  return NAV_ITEMS.filter((i) => !i.roles || (role && i.roles.includes(role)));
}

export function isNavActive(item: NavItem, path: string): boolean {
  return item.match ? item.match(path) : path === item.to || path.startsWith(`${item.to}/`);
}
