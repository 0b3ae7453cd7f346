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
const roles =
  (...rs: Actor['role'][]): Rule =>
  (a) =>
    rs.includes(a.role);

const rules = {
  /** list and search the registry (partners see their own members only; sme/supplier their own firms) */
  'company.list': roles('admin', 'manager', 'partner'),
  'company.read': (a, r) => isStaff(a) || member(a, r) || partnerOf(a, r),
  'company.create': roles('admin', 'manager'),
  /** an SME or supplier member registers or claims their own firm */
  'company.register': roles('sme', 'supplier'),
  'company.update': (a, r) => isStaff(a) || member(a, r),
  'company.merge': roles('admin', 'manager'),
  'company.import': roles('admin', 'manager', 'partner'),
  'company.export': roles('admin', 'manager', 'partner'),
  /** link requests from partners' member lists (firms outside their association): list, approve, reject */
  'company.linkRequests': roles('admin', 'manager'),
  'company.history': (a, r) => isStaff(a) || member(a, r),
  /** unmasked personal fields (representative, phone, email) */
  'company.readPersonal': (a, r) => isStaff(a) || member(a, r),
  'company.members': (a, r) => isStaff(a) || member(a, r),
  /** programs and calls (공고): create, edit, move through the lifecycle */
  'call.manage': roles('admin', 'manager'),
  /** an SME or supplier member applies for their own company */
  'application.apply': (a, r) => (a.role === 'sme' || a.role === 'supplier') && member(a, r),
  'application.read': (a, r) => isStaff(a) || member(a, r),
  /** staff handle applications: lists, supplements, incomplete/ineligible, exports */
  'application.manage': roles('admin', 'manager'),
  /** DX diagnosis: an SME member takes the diagnosis of their own company */
  'diagnosis.take': (a, r) => a.role === 'sme' && member(a, r),
  /** a company's diagnoses and results: staff, or an SME member of the company (partners see aggregates only) */
  'diagnosis.read': (a, r) => isStaff(a) || (a.role === 'sme' && member(a, r)),
  /** instruments, recommendation rules, answer exports */
  'diagnosis.manage': roles('admin', 'manager'),
  /** invite firms to the diagnosis: staff any firm, partners their association's member firms */
  'diagnosis.invite': (a, r) => isStaff(a) || partnerOf(a, r),
  'diagnosis.invitations': roles('admin', 'manager', 'partner'),
  /** before/after of supported firms, firm by firm */
  'diagnosis.beforeAfter': roles('admin', 'manager'),
  /** aggregate statistics, no personal data */
  'diagnosis.analytics': roles('admin', 'manager', 'viewer'),
  'user.manage': roles('admin'),
  /** the staff queue of company claims (issue 9) */
  'claim.review': roles('admin', 'manager'),
  /** approve or reject a claim of a firm: staff, or the firm's active owner */
  'claim.decide': (a, r) =>
    isStaff(a) || (member(a, r) && !!a.userId && (r as { ownerId?: string | null }).ownerId === a.userId),
  'audit.read': roles('admin', 'manager'),
  'accessLog.read': roles('admin'),
  'job.read': signedIn,
  'self.read': signedIn,
  /** one's own profile, password, consents, 회원탈퇴 */
  'self.update': signedIn,
  /** the mail outbox (발송함): recipients, messages, retries */
  'outbox.manage': roles('admin', 'manager'),
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;

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
