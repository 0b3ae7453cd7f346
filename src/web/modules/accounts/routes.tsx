import { rolesFor, STAFF } from '../../lib/roles';
import { guarded, type ModuleRoutes, page } from '../../lib/routing';

const SignInPage = page(() => import('./pages/SignInPage'), 'SignInPage');
const SignUpPage = page(() => import('./pages/SignUpPage'), 'SignUpPage');
const SignupVerifyPage = page(() => import('./pages/SignupVerifyPage'), 'SignupVerifyPage');
const PasswordResetRequestPage = page(() => import('./pages/PasswordResetPage'), 'PasswordResetRequestPage');
const PasswordResetSetPage = page(() => import('./pages/PasswordResetPage'), 'PasswordResetSetPage');
const AccountPage = page(() => import('./pages/AccountPage'), 'AccountPage');
const UsersPage = page(() => import('./pages/UsersPage'), 'UsersPage');
const AssociationsPage = page(() => import('./pages/AssociationsPage'), 'AssociationsPage');
const AccessLogPage = page(() => import('./pages/AccessLogPage'), 'AccessLogPage');

/** 회원: sign-in, sign-up, password reset, 내 계정, and the admin screens for users, associations, access log. */
export const routes: ModuleRoutes = [
  { path: '/login', element: <SignInPage /> },
  { path: '/signup', element: <SignUpPage /> },
  { path: '/signup/verify/:token', element: <SignupVerifyPage /> },
  { path: '/password-reset', element: <PasswordResetRequestPage /> },
  { path: '/password-reset/:token', element: <PasswordResetSetPage /> },
  { path: '/account', element: <AccountPage /> },
  { path: '/admin/users', element: guarded(rolesFor('user.manage'), UsersPage) },
  { path: '/admin/associations', element: guarded(STAFF, AssociationsPage) },
  { path: '/admin/access-log', element: guarded(rolesFor('accessLog.read'), AccessLogPage) },
];
