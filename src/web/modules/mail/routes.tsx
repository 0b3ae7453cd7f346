import { rolesFor } from '../../lib/roles';
import { guarded, type ModuleRoutes, page } from '../../lib/routing';

const OutboxPage = page(() => import('./pages/OutboxPage'), 'OutboxPage');
const DemoMailboxPage = page(() => import('./pages/DemoMailboxPage'), 'DemoMailboxPage');

/** 메일: the staff outbox (발송함) and the demo mailbox. */
export const routes: ModuleRoutes = [
  { path: '/staff/outbox', element: guarded(rolesFor('outbox.manage'), OutboxPage) },
  { path: '/demo/mailbox', element: <DemoMailboxPage /> },
];
