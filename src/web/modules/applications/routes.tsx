import { rolesFor } from '../../lib/roles';
import { guarded, type ModuleRoutes, page } from '../../lib/routing';

const ApplicationPage = page(() => import('./pages/ApplicationPage'), 'ApplicationPage');
const MyApplicationsPage = page(() => import('./pages/MyApplicationsPage'), 'MyApplicationsPage');
const ReceiptPage = page(() => import('./pages/ReceiptPage'), 'ReceiptPage');
const StaffApplicationPage = page(() => import('./pages/StaffApplicationPage'), 'StaffApplicationPage');

/** 신청: the apply form, my applications, receipts, and the staff view of one application. */
export const routes: ModuleRoutes = [
  { path: '/applications/:id', element: guarded(rolesFor('application.apply'), ApplicationPage) },
  { path: '/applications/:id/receipt', element: guarded(rolesFor('application.apply'), ReceiptPage) },
  { path: '/my/applications', element: guarded(rolesFor('application.apply'), MyApplicationsPage) },
  { path: '/staff/applications/:id', element: guarded(rolesFor('application.manage'), StaffApplicationPage) },
];
