import { type Action, roleMay, roleMayOwn } from '../../shared/permissions';
import type { Actor } from './actor';
import { isStaff } from './actor';
import { ForbiddenError, UnauthorizedError } from './errors';

/**
 * The one place that decides who may do what to which record, from role and ownership.
 * Services call `assertCan` as their first statement.
 */
export interface CompanyResource {
  companyId: string;
  associationIds?: string[];
}

type Rule = (actor: Actor, resource?: unknown) => boolean;

const member = (a: Actor, r?: unknown) => !!r && a.companyIds.includes((r as CompanyResource).companyId);
const partnerOf = (a: Actor, r?: unknown) =>
  a.role === 'partner' &&
  !!r &&
  ((r as CompanyResource).associationIds ?? []).some((id) => a.associationIds.includes(id));
const signedIn = (a: Actor) => !!a.userId;
/** the roles of PERMISSIONS[action] (src/shared/permissions.ts), on any record */
const may = (a: Actor, action: Action) => roleMay(a.role, action);
/** the `own` roles of PERMISSIONS[action]; the rule adds the ownership check */
const mayOwn = (a: Actor, action: Action) => roleMayOwn(a.role, action);
const byRole =
  (action: Action): Rule =>
  (a) =>
    may(a, action);

/** Role checks come from the shared permissions list; ownership checks are added here. */
const rules: { [A in Action]: Rule } = {
  'company.list': byRole('company.list'),
  'company.read': (a, r) => may(a, 'company.read') || member(a, r) || partnerOf(a, r),
  'company.create': byRole('company.create'),
  'company.register': byRole('company.register'),
  'company.update': (a, r) => may(a, 'company.update') || member(a, r),
  'company.merge': byRole('company.merge'),
  'company.import': byRole('company.import'),
  'company.export': byRole('company.export'),
  'company.linkRequests': byRole('company.linkRequests'),
  'company.history': (a, r) => may(a, 'company.history') || member(a, r),
  'company.readPersonal': (a, r) => may(a, 'company.readPersonal') || member(a, r),
  'company.members': (a, r) => may(a, 'company.members') || member(a, r),
  'call.manage': byRole('call.manage'),
  'application.apply': (a, r) => mayOwn(a, 'application.apply') && member(a, r),
  'application.read': (a, r) => may(a, 'application.read') || member(a, r),
  'application.manage': byRole('application.manage'),
  'diagnosis.take': (a, r) => mayOwn(a, 'diagnosis.take') && member(a, r),
  'diagnosis.read': (a, r) => may(a, 'diagnosis.read') || (mayOwn(a, 'diagnosis.read') && member(a, r)),
  'diagnosis.manage': byRole('diagnosis.manage'),
  'diagnosis.invite': (a, r) => may(a, 'diagnosis.invite') || partnerOf(a, r),
  'diagnosis.invitations': byRole('diagnosis.invitations'),
  'diagnosis.beforeAfter': byRole('diagnosis.beforeAfter'),
  'diagnosis.analytics': byRole('diagnosis.analytics'),
  'user.manage': byRole('user.manage'),
  'claim.review': byRole('claim.review'),
  'claim.decide': (a, r) =>
    may(a, 'claim.decide') ||
    (member(a, r) && !!a.userId && (r as { ownerId?: string | null }).ownerId === a.userId),
  'audit.read': byRole('audit.read'),
  'accessLog.read': byRole('accessLog.read'),
  /** every role (see PERMISSIONS), i.e. anyone signed in */
  'job.read': signedIn,
  'self.read': signedIn,
  'self.update': signedIn,
  'outbox.manage': byRole('outbox.manage'),
  'evaluation.manage': byRole('evaluation.manage'),
  /** the assignment check (404 when not the caller's) is the evaluation service's query */
  'evaluation.review': (a, r) =>
    mayOwn(a, 'evaluation.review') &&
    (r === undefined || (r as { reviewerId?: string }).reviewerId === a.userId),
  'evaluation.object': (a, r) => mayOwn(a, 'evaluation.object') && member(a, r),
};

export type { Action };

export function can(actor: Actor, action: Action, resource?: unknown): boolean {
  return rules[action](actor, resource);
}

/** Throws 401 for anonymous callers and 403 for signed-in callers who may not act. */
export function assertCan(actor: Actor, action: Action, resource?: unknown): void {
  if (can(actor, action, resource)) return;
  if (!actor.userId) throw new UnauthorizedError();
  throw new ForbiddenError();
}

/**
 * Call before loading the record: 401 for anonymous callers and 403 for callers who could not pass
 * `action` on any company (a viewer, a partner editing), so that they never learn whether an id
 * exists. Then load the record and call `assertCan` with it for the ownership check.
 */
export function assertCanAny(actor: Actor, action: Action): void {
  assertCan(actor, action, { companyId: actor.companyIds[0] ?? '', associationIds: actor.associationIds });
}

/** Which companies a list or export may include. */
export type CompanyScope = { all: true } | { associationIds: string[] } | { companyIds: string[] };
export function companyScope(actor: Actor): CompanyScope {
  if (isStaff(actor)) return { all: true };
  if (actor.role === 'partner') return { associationIds: actor.associationIds };
  return { companyIds: actor.companyIds };
}
