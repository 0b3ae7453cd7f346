import type { FastifyPluginAsync } from 'fastify';
import { accountRoutes } from './accounts/routes';
import { selfServiceRoutes } from './accounts/self-routes';
import { applicationRoutes } from './applications/routes';
import { companyImportRoutes } from './companies/import-routes';
import { companyRoutes } from './companies/routes';
import { diagnosisRoutes } from './diagnosis/routes';
import { mailRoutes } from './mail/routes';
import { programRoutes } from './programs/routes';
import { systemRoutes } from './system/routes';

/** The explicit list of domain plugins, mounted under /api. Add new modules here. */
export const modules: FastifyPluginAsync[] = [
  systemRoutes,
  accountRoutes,
  companyRoutes,
  companyImportRoutes,
  programRoutes,
  applicationRoutes,
  diagnosisRoutes,
  selfServiceRoutes,
  mailRoutes,
] as FastifyPluginAsync[];
