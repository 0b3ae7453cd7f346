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

/** The platform's 4 modules (진단/컨설팅/매칭/지원) that hold the 13 programs. */
export const PROGRAM_MODULES = ['diagnosis', 'consulting', 'matching', 'support'] as const;
export type ProgramModule = (typeof PROGRAM_MODULES)[number];

/** 공고 lifecycle. `open` is reached from `published` when the call's opening time passes. */
export const CALL_STATUSES = [
  'draft',
  'published',
  'open',
  'closed',
  'evaluating',
  'announced',
  'archived',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** 신청서 states; evaluation adds selected/waitlisted/rejected later. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'supplement_requested',
  'incomplete',
  'ineligible',
  'selected',
  'waitlisted',
  'rejected',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
