import type { ApplicationStatus } from '../../../shared/enums';

/**
 * 신청서 states (a contract file: the web app uses these tables too). Applicants move draft/withdrawn →
 * submitted, submitted → withdrawn and edit drafts in the call windows of CALL_ACTION_WINDOWS
 * (programs/lifecycle-contract.ts), and supplement_requested → submitted before the supplement's due
 * date. Staff move submitted/supplement_requested → supplement_requested/incomplete/ineligible and
 * back to submitted. Evaluation adds selected/waitlisted/rejected.
 */
export const APPLICANT_TRANSITIONS: Partial<Record<ApplicationStatus, ApplicationStatus[]>> = {
  draft: ['submitted'],
  withdrawn: ['submitted'],
  submitted: ['withdrawn'],
  supplement_requested: ['submitted'],
};

export const STAFF_TRANSITIONS: Partial<Record<ApplicationStatus, ApplicationStatus[]>> = {
  submitted: ['supplement_requested', 'incomplete', 'ineligible'],
  supplement_requested: ['submitted', 'incomplete', 'ineligible'],
  incomplete: ['submitted', 'ineligible'],
  ineligible: ['submitted'],
};

/** Statuses in which the applicant may still edit answers and files. */
export const EDITABLE: ApplicationStatus[] = ['draft', 'withdrawn', 'supplement_requested'];

/** Statuses counted as a live application in the competition ratio. */
export const COUNTED: ApplicationStatus[] = [
  'submitted',
  'supplement_requested',
  'incomplete',
  'ineligible',
  'selected',
  'waitlisted',
  'rejected',
];

export const canApplicantMove = (from: ApplicationStatus, to: ApplicationStatus) =>
  APPLICANT_TRANSITIONS[from]?.includes(to) ?? false;
export const canStaffMove = (from: ApplicationStatus, to: ApplicationStatus) =>
  STAFF_TRANSITIONS[from]?.includes(to) ?? false;

/**
 * Which call-window rule (CALL_ACTION_WINDOWS) governs editing an application in this status: a pending
 * supplement request is answered by its due date, whatever the call's window; otherwise the draft rule.
 */
export const editAction = <A extends 'saveDraft' | 'editDocuments'>(
  status: ApplicationStatus,
  action: A,
): A | 'answerSupplement' => (status === 'supplement_requested' ? 'answerSupplement' : action);
