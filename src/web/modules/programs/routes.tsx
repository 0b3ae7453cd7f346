import { rolesFor } from '../../lib/roles';
import { guarded, type ModuleRoutes, page } from '../../lib/routing';

const ProgramsPage = page(() => import('./pages/ProgramsPage'), 'ProgramsPage');
const CallListPage = page(() => import('./pages/CallListPage'), 'CallListPage');
const CallDetailPage = page(() => import('./pages/CallDetailPage'), 'CallDetailPage');
const StaffCallListPage = page(() => import('./pages/CallListPage'), 'StaffCallListPage');
const StaffCallPage = page(() => import('./pages/StaffCallPage'), 'StaffCallPage');
const CallEditorPage = page(() => import('./pages/CallEditorPage'), 'CallEditorPage');

/** 사업 and 공고: the public program catalog and calls, and the staff call screens and editor. */
export const routes: ModuleRoutes = [
  { path: '/programs', element: <ProgramsPage /> },
  { path: '/calls', element: <CallListPage /> },
  { path: '/calls/:id', element: <CallDetailPage /> },
  { path: '/staff/calls', element: guarded(rolesFor('call.manage'), StaffCallListPage) },
  { path: '/staff/calls/new', element: guarded(rolesFor('call.manage'), CallEditorPage) },
  { path: '/staff/calls/:id', element: guarded(rolesFor('call.manage'), StaffCallPage) },
  { path: '/staff/calls/:id/edit', element: guarded(rolesFor('call.manage'), CallEditorPage) },
];
