import type { ModuleRoutes } from '../../lib/routing';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

/** The home page and the not-found page (loaded with the app shell, not lazily). */
export const routes: ModuleRoutes = [
  { path: '/', element: <HomePage /> },
  { path: '*', element: <NotFoundPage /> },
];
