import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Role } from '../shared/enums';
import { Layout } from './components/layout/Layout';
import { RequireRole } from './components/RequireRole';
import {
  COMPANY_ROLES,
  DIAGNOSIS_ANALYSTS,
  DIAGNOSIS_READERS,
  DIAGNOSIS_TAKERS,
  REGISTRY_ROLES,
  STAFF,
} from './lib/roles';
import { HomePage } from './modules/site/pages/HomePage';
import { NotFoundPage } from './modules/site/pages/NotFoundPage';
import { RouteError } from './modules/site/pages/RouteError';

/** Lazy page from a module's named export, so each domain is its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const SignInPage = page(() => import('./modules/accounts/pages/SignInPage'), 'SignInPage');
const SignUpPage = page(() => import('./modules/accounts/pages/SignUpPage'), 'SignUpPage');
const MyCompanyPage = page(() => import('./modules/companies/pages/MyCompanyPage'), 'MyCompanyPage');
const CompanyListPage = page(() => import('./modules/companies/pages/CompanyListPage'), 'CompanyListPage');
const CompanyDetailPage = page(
  () => import('./modules/companies/pages/CompanyDetailPage'),
  'CompanyDetailPage',
);
const DuplicatesPage = page(() => import('./modules/companies/pages/DuplicatesPage'), 'DuplicatesPage');
const ImportPage = page(() => import('./modules/companies/pages/ImportPage'), 'ImportPage');
const LinkRequestsPage = page(() => import('./modules/companies/pages/LinkRequestsPage'), 'LinkRequestsPage');
const UsersPage = page(() => import('./modules/accounts/pages/UsersPage'), 'UsersPage');
const AssociationsPage = page(() => import('./modules/accounts/pages/AssociationsPage'), 'AssociationsPage');
const AccessLogPage = page(() => import('./modules/accounts/pages/AccessLogPage'), 'AccessLogPage');
const CallListPage = page(() => import('./modules/programs/pages/CallListPage'), 'CallListPage');
const CallDetailPage = page(() => import('./modules/programs/pages/CallDetailPage'), 'CallDetailPage');
const ApplicationPage = page(() => import('./modules/applications/pages/ApplicationPage'), 'ApplicationPage');
const MyApplicationsPage = page(
  () => import('./modules/applications/pages/MyApplicationsPage'),
  'MyApplicationsPage',
);
const ReceiptPage = page(() => import('./modules/applications/pages/ReceiptPage'), 'ReceiptPage');
const StaffCallListPage = page(() => import('./modules/programs/pages/CallListPage'), 'StaffCallListPage');
const StaffCallPage = page(() => import('./modules/programs/pages/StaffCallPage'), 'StaffCallPage');
const StaffApplicationPage = page(
  () => import('./modules/applications/pages/StaffApplicationPage'),
  'StaffApplicationPage',
);

const ProgramsPage = page(() => import('./modules/programs/pages/ProgramsPage'), 'ProgramsPage');
const CallEditorPage = page(() => import('./modules/programs/pages/CallEditorPage'), 'CallEditorPage');
const DiagnosisHomePage = page(
  () => import('./modules/diagnosis/pages/take/DiagnosisHomePage'),
  'DiagnosisHomePage',
);
const DiagnosisPage = page(() => import('./modules/diagnosis/pages/take/DiagnosisPage'), 'DiagnosisPage');
const InvitationLandingPage = page(
  () => import('./modules/diagnosis/pages/take/InvitationLandingPage'),
  'InvitationLandingPage',
);
const AnalyticsPage = page(() => import('./modules/diagnosis/pages/staff/AnalyticsPage'), 'AnalyticsPage');
const BeforeAfterPage = page(
  () => import('./modules/diagnosis/pages/staff/BeforeAfterPage'),
  'BeforeAfterPage',
);
const InvitationsPage = page(
  () => import('./modules/diagnosis/pages/staff/InvitationsPage'),
  'InvitationsPage',
);
const StaffClaimsPage = page(() => import('./modules/companies/pages/StaffClaimsPage'), 'StaffClaimsPage');
const InstrumentsPage = page(
  () => import('./modules/diagnosis/pages/instruments/InstrumentsPage'),
  'InstrumentsPage',
);
const InstrumentEditorPage = page(
  () => import('./modules/diagnosis/pages/instruments/InstrumentEditorPage'),
  'InstrumentEditorPage',
);
const RulesPage = page(() => import('./modules/diagnosis/pages/instruments/RulesPage'), 'RulesPage');
const AccountPage = page(() => import('./modules/accounts/pages/AccountPage'), 'AccountPage');
const PasswordResetRequestPage = page(
  () => import('./modules/accounts/pages/PasswordResetPage'),
  'PasswordResetRequestPage',
);
const PasswordResetSetPage = page(
  () => import('./modules/accounts/pages/PasswordResetPage'),
  'PasswordResetSetPage',
);
const OutboxPage = page(() => import('./modules/mail/pages/OutboxPage'), 'OutboxPage');
const SignupVerifyPage = page(() => import('./modules/accounts/pages/SignupVerifyPage'), 'SignupVerifyPage');
const DemoMailboxPage = page(() => import('./modules/mail/pages/DemoMailboxPage'), 'DemoMailboxPage');

const guarded = (roles: readonly Role[], Page: ComponentType) => (
  <RequireRole roles={roles}>
    <Page />
  </RequireRole>
);

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/my/company', element: guarded(COMPANY_ROLES, MyCompanyPage) },
      { path: '/companies', element: guarded(REGISTRY_ROLES, CompanyListPage) },
      { path: '/companies/duplicates', element: guarded(STAFF, DuplicatesPage) },
      { path: '/companies/import', element: guarded(REGISTRY_ROLES, ImportPage) },
      { path: '/companies/link-requests', element: guarded(STAFF, LinkRequestsPage) },
      { path: '/companies/:id', element: guarded(REGISTRY_ROLES, CompanyDetailPage) },
      { path: '/admin/users', element: guarded(['admin'], UsersPage) },
      { path: '/admin/associations', element: guarded(STAFF, AssociationsPage) },
      { path: '/admin/access-log', element: guarded(['admin'], AccessLogPage) },
      { path: '/programs', element: <ProgramsPage /> },
      { path: '/calls', element: <CallListPage /> },
      { path: '/calls/:id', element: <CallDetailPage /> },
      { path: '/applications/:id', element: guarded(COMPANY_ROLES, ApplicationPage) },
      { path: '/my/applications', element: guarded(COMPANY_ROLES, MyApplicationsPage) },
      { path: '/applications/:id/receipt', element: guarded(COMPANY_ROLES, ReceiptPage) },
      { path: '/staff/calls', element: guarded(STAFF, StaffCallListPage) },
      { path: '/staff/calls/new', element: guarded(STAFF, CallEditorPage) },
      { path: '/staff/calls/:id', element: guarded(STAFF, StaffCallPage) },
      { path: '/staff/calls/:id/edit', element: guarded(STAFF, CallEditorPage) },
      { path: '/staff/applications/:id', element: guarded(STAFF, StaffApplicationPage) },
      { path: '/diagnosis', element: guarded(DIAGNOSIS_TAKERS, DiagnosisHomePage) },
      { path: '/diagnosis/start', element: <InvitationLandingPage /> },
      { path: '/diagnoses/:id', element: guarded(DIAGNOSIS_READERS, DiagnosisPage) },
      { path: '/staff/diagnosis', element: guarded(DIAGNOSIS_ANALYSTS, AnalyticsPage) },
      { path: '/staff/diagnosis/before-after', element: guarded(STAFF, BeforeAfterPage) },
      { path: '/staff/diagnosis/invitations', element: guarded(REGISTRY_ROLES, InvitationsPage) },
      { path: '/staff/diagnosis/instruments', element: guarded(STAFF, InstrumentsPage) },
      { path: '/staff/diagnosis/instruments/:id', element: guarded(STAFF, InstrumentEditorPage) },
      { path: '/staff/diagnosis/rules', element: guarded(STAFF, RulesPage) },
      { path: '/account', element: <AccountPage /> },
      { path: '/password-reset', element: <PasswordResetRequestPage /> },
      { path: '/password-reset/:token', element: <PasswordResetSetPage /> },
      { path: '/staff/outbox', element: guarded(STAFF, OutboxPage) },
      { path: '/staff/claims', element: guarded(STAFF, StaffClaimsPage) },
      { path: '/signup/verify/:token', element: <SignupVerifyPage /> },
      { path: '/demo/mailbox', element: <DemoMailboxPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
