import { ROLES, type Role, STAFF_ROLES } from './enums';

/**
 * Who may do what: the one list of actions → roles, read by the server's policy
 * (src/server/platform/policy.ts, which adds the ownership checks) and by the web app's route guards
 * and navigation (src/web/lib/roles.ts).
 *
 * - `roles` may act on any record;
 * - `own` may act only on records they are linked to — their company (sme, supplier members),
 *   their association's member firms (partners), their own firm's claims — the server checks the link.
 */
export interface Permission {
  readonly roles: readonly Role[];
  readonly own?: readonly Role[];
}

const STAFF = STAFF_ROLES;
const COMPANY_MEMBERS: readonly Role[] = ['sme', 'supplier'];
const REGISTRY: readonly Role[] = [...STAFF, 'partner'];
/** anyone signed in */
const SIGNED_IN: readonly Role[] = ROLES;

export const PERMISSIONS = {
  /** list and search the registry (partners see their own members only) */
  'company.list': { roles: REGISTRY },
  'company.read': { roles: STAFF, own: [...COMPANY_MEMBERS, 'partner'] },
  'company.create': { roles: STAFF },
  /** an SME or supplier member registers or claims their own firm */
  'company.register': { roles: COMPANY_MEMBERS },
  'company.update': { roles: STAFF, own: COMPANY_MEMBERS },
  'company.merge': { roles: STAFF },
  'company.import': { roles: REGISTRY },
  'company.export': { roles: REGISTRY },
  /** link requests from partners' member lists (firms outside their association): list, approve, reject */
  'company.linkRequests': { roles: STAFF },
  'company.history': { roles: STAFF, own: COMPANY_MEMBERS },
  /** unmasked personal fields (representative, phone, email) */
  'company.readPersonal': { roles: STAFF, own: COMPANY_MEMBERS },
  'company.members': { roles: STAFF, own: COMPANY_MEMBERS },
  /** programs and calls (공고): create, edit, move through the lifecycle */
  'call.manage': { roles: STAFF },
  /** an SME or supplier member applies for their own company */
  'application.apply': { roles: [], own: COMPANY_MEMBERS },
  'application.read': { roles: STAFF, own: COMPANY_MEMBERS },
  /** staff handle applications: lists, supplements, incomplete/ineligible, exports */
  'application.manage': { roles: STAFF },
  /** DX diagnosis: an SME member takes the diagnosis of their own company */
  'diagnosis.take': { roles: [], own: ['sme'] },
  /** a company's diagnoses and results: staff, or an SME member of the company (partners see aggregates only) */
  'diagnosis.read': { roles: STAFF, own: ['sme'] },
  /** instruments, recommendation rules, answer exports */
  'diagnosis.manage': { roles: STAFF },
  /** invite firms to the diagnosis: staff any firm, partners their association's member firms */
  'diagnosis.invite': { roles: STAFF, own: ['partner'] },
  'diagnosis.invitations': { roles: REGISTRY },
  /** before/after of supported firms, firm by firm */
  'diagnosis.beforeAfter': { roles: STAFF },
  /** aggregate statistics, no personal data */
  'diagnosis.analytics': { roles: [...STAFF, 'viewer'] },
  'user.manage': { roles: ['admin'] },
  /** the staff queue of company claims */
  'claim.review': { roles: STAFF },
  /** approve or reject a claim of a firm: staff, or the firm's active owner */
  'claim.decide': { roles: STAFF, own: COMPANY_MEMBERS },
  'audit.read': { roles: STAFF },
  'accessLog.read': { roles: ['admin'] },
  'job.read': { roles: SIGNED_IN },
  'self.read': { roles: SIGNED_IN },
  /** one's own profile, password, consents, 회원탈퇴 */
  'self.update': { roles: SIGNED_IN },
  /** the mail outbox (발송함): recipients, messages, retries */
  'outbox.manage': { roles: STAFF },
  /** evaluation (평가): reviewer pool, panels, rubrics, assignments, objections, reopening, results */
  'evaluation.manage': { roles: STAFF },
  /** a reviewer: pledge, own assignments (assigned applications read-only), recusal, score sheets */
  'evaluation.review': { roles: [], own: ['reviewer'] },
  /** an applicant objects (기피) to a reviewer of its own application */
  'evaluation.object': { roles: [], own: COMPANY_MEMBERS },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

const perm = (action: Action): Permission => PERMISSIONS[action];

/** Whether `role` may take `action` on any record. */
export function roleMay(role: Role | 'public' | undefined, action: Action): boolean {
  return !!role && role !== 'public' && perm(action).roles.includes(role);
}

/** Whether `role` may take `action` on records it is linked to (the server checks the link). */
export function roleMayOwn(role: Role | 'public' | undefined, action: Action): boolean {
  return !!role && role !== 'public' && !!perm(action).own?.includes(role);
}

/** Every role that may take `action` on some record: the role set of a screen or a menu item. */
export function rolesFor(action: Action): readonly Role[] {
  const { roles, own = [] } = perm(action);
  return ROLES.filter((r) => roles.includes(r) || own.includes(r));
}
