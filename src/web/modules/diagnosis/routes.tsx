import { rolesFor } from '../../lib/roles';
import { guarded, type ModuleRoutes, page } from '../../lib/routing';

const DiagnosisHomePage = page(() => import('./pages/take/DiagnosisHomePage'), 'DiagnosisHomePage');
const DiagnosisPage = page(() => import('./pages/take/DiagnosisPage'), 'DiagnosisPage');
const InvitationLandingPage = page(
  () => import('./pages/take/InvitationLandingPage'),
  'InvitationLandingPage',
);
const AnalyticsPage = page(() => import('./pages/staff/AnalyticsPage'), 'AnalyticsPage');
const BeforeAfterPage = page(() => import('./pages/staff/BeforeAfterPage'), 'BeforeAfterPage');
const InvitationsPage = page(() => import('./pages/staff/InvitationsPage'), 'InvitationsPage');
const InstrumentsPage = page(() => import('./pages/instruments/InstrumentsPage'), 'InstrumentsPage');
const InstrumentEditorPage = page(
  () => import('./pages/instruments/InstrumentEditorPage'),
  'InstrumentEditorPage',
);
const RulesPage = page(() => import('./pages/instruments/RulesPage'), 'RulesPage');

/** DX 진단: taking it and its result, the staff statistics and invitations, instrument and rule admin. */
export const routes: ModuleRoutes = [
  { path: '/diagnosis', element: guarded(rolesFor('diagnosis.take'), DiagnosisHomePage) },
  { path: '/diagnosis/start', element: <InvitationLandingPage /> },
  { path: '/diagnoses/:id', element: guarded(rolesFor('diagnosis.read'), DiagnosisPage) },
  { path: '/staff/diagnosis', element: guarded(rolesFor('diagnosis.analytics'), AnalyticsPage) },
  {
    path: '/staff/diagnosis/before-after',
    element: guarded(rolesFor('diagnosis.beforeAfter'), BeforeAfterPage),
  },
  {
    path: '/staff/diagnosis/invitations',
    element: guarded(rolesFor('diagnosis.invitations'), InvitationsPage),
  },
  { path: '/staff/diagnosis/instruments', element: guarded(rolesFor('diagnosis.manage'), InstrumentsPage) },
  {
    path: '/staff/diagnosis/instruments/:id',
    element: guarded(rolesFor('diagnosis.manage'), InstrumentEditorPage),
  },
  { path: '/staff/diagnosis/rules', element: guarded(rolesFor('diagnosis.manage'), RulesPage) },
];
