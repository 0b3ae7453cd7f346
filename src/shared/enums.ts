/** Enumerations shared by server and web. Names follow docs/GLOSSARY.md. */
export const ROLES = [
  'admin',
  'manager',
  'reviewer',
  'consultant',
  'sme',
  'supplier',
  'partner',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];
/** Agency staff roles. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'manager'];
/** Roles anyone may sign up for; the rest are granted by an admin. */
export const SELF_SIGNUP_ROLES = ['sme', 'supplier'] as const;

export const SIZE_CLASSES = ['small', 'medium', 'midsize', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const PROVENANCES = ['association', 'signup', 'event', 'staff'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const MEMBER_ROLES = ['owner', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const ACCESS_ACTIONS = ['view', 'create', 'update', 'delete', 'export', 'download'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const CONSENT_KINDS = ['terms', 'privacy', 'marketing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** DX interest areas a company can declare. */
export const DX_INTERESTS = [
  'strategy',
  'process',
  'data',
  'ai',
  'cloud',
  'platform',
  'marketing',
  'smartFactory',
  'security',
  'education',
] as const;
export type DxInterest = (typeof DX_INTERESTS)[number];
