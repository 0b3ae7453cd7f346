import { type ComponentType, lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../../shared/enums';
import { RequireRole } from '../components/RequireRole';

/** Lazy page from a module's named export, so each page family is its own chunk. */
export function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** The page, shown only to signed-in users with one of `roles`. */
export const guarded = (roles: readonly Role[], Page: ComponentType) => (
  <RequireRole roles={roles}>
    <Page />
  </RequireRole>
);

/** What each module's routes.tsx exports: the routes below the layout. */
export type ModuleRoutes = RouteObject[];
