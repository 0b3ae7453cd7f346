import { rolesFor } from '../../lib/roles';
import { guarded, type ModuleRoutes, page } from '../../lib/routing';

const MyCompanyPage = page(() => import('./pages/MyCompanyPage'), 'MyCompanyPage');
const CompanyListPage = page(() => import('./pages/CompanyListPage'), 'CompanyListPage');
const CompanyDetailPage = page(() => import('./pages/CompanyDetailPage'), 'CompanyDetailPage');
const DuplicatesPage = page(() => import('./pages/DuplicatesPage'), 'DuplicatesPage');
const ImportPage = page(() => import('./pages/ImportPage'), 'ImportPage');
const LinkRequestsPage = page(() => import('./pages/LinkRequestsPage'), 'LinkRequestsPage');
const StaffClaimsPage = page(() => import('./pages/StaffClaimsPage'), 'StaffClaimsPage');

/** 기업: my company, the registry, import, claims, link requests, duplicates. */
export const routes: ModuleRoutes = [
  { path: '/my/company', element: guarded(rolesFor('company.register'), MyCompanyPage) },
  { path: '/companies', element: guarded(rolesFor('company.list'), CompanyListPage) },
  { path: '/companies/duplicates', element: guarded(rolesFor('company.merge'), DuplicatesPage) },
  { path: '/companies/import', element: guarded(rolesFor('company.import'), ImportPage) },
  { path: '/companies/link-requests', element: guarded(rolesFor('company.linkRequests'), LinkRequestsPage) },
  { path: '/companies/:id', element: guarded(rolesFor('company.list'), CompanyDetailPage) },
  { path: '/staff/claims', element: guarded(rolesFor('claim.review'), StaffClaimsPage) },
];
