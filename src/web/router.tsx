import { createBrowserRouter } from 'react-router';
import { Layout } from './components/layout/Layout';
import { routes as accounts } from './modules/accounts/routes';
import { routes as applications } from './modules/applications/routes';
import { routes as companies } from './modules/companies/routes';
import { routes as diagnosis } from './modules/diagnosis/routes';
import { routes as mail } from './modules/mail/routes';
import { routes as programs } from './modules/programs/routes';
import { RouteError } from './modules/site/pages/RouteError';
import { routes as site } from './modules/site/routes';

/** The one list of web modules: each exports its routes (pages lazy-loaded) from its routes.tsx. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [...site, ...accounts, ...companies, ...programs, ...applications, ...diagnosis, ...mail],
  },
]);
