import { COMPANY_ROLES, REGISTRY_ROLES, STAFF } from '../../lib/roles';
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
  { path: '/my/company', element: guarded(COMPANY_ROLES, MyCompanyPage) },
  { path: '/companies', element: guarded(REGISTRY_ROLES, CompanyListPage) },
  { path: '/companies/duplicates', element: guarded(STAFF, DuplicatesPage) },
  { path: '/companies/import', element: guarded(REGISTRY_ROLES, ImportPage) },
  { path: '/companies/link-requests', element: guarded(STAFF, LinkRequestsPage) },
  { path: '/companies/:id', element: guarded(REGISTRY_ROLES, CompanyDetailPage) },
  { path: '/staff/claims', element: guarded(STAFF, StaffClaimsPage) },
];
