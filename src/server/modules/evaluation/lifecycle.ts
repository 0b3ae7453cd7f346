import type { AssignmentStatus, ConflictStatus, SheetStatus } from './contract';

/**
 * The evaluation's state machines in one place (illegal moves are 409s):
 * - an assignment is active (`assigned`) until the reviewer recuses (회피), a conflict excludes them
 *   (제척, upheld 기피) or staff remove it; only a removal can be undone by assigning again;
 * - a score sheet is saved as a draft, submitted, and reopened by staff (back to draft, with a reason);
 * - an objection (기피) is pending until staff uphold or dismiss it; exclusions and recusals are recorded.
 */
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  assigned: ['recused', 'excluded', 'removed'],
  removed: ['assigned'],
  recused: [],
  excluded: [],
};

/** The reviewer saves and submits drafts; only staff move a submitted sheet (reopen, back to draft). */
export const REVIEWER_SHEET_TRANSITIONS: Record<SheetStatus, readonly SheetStatus[]> = {
  draft: ['draft', 'submitted'],
  submitted: [],
};
export const STAFF_SHEET_TRANSITIONS: Record<SheetStatus, readonly SheetStatus[]> = {
  draft: [],
  submitted: ['draft'],
};

export const CONFLICT_TRANSITIONS: Record<ConflictStatus, readonly ConflictStatus[]> = {
  pending: ['upheld', 'dismissed'],
  recorded: [],
  upheld: [],
  dismissed: [],
};

export const canMoveAssignment = (from: AssignmentStatus, to: AssignmentStatus) =>
  ASSIGNMENT_TRANSITIONS[from].includes(to);
export const reviewerMayMoveSheet = (from: SheetStatus, to: SheetStatus) =>
  REVIEWER_SHEET_TRANSITIONS[from].includes(to);
export const staffMayMoveSheet = (from: SheetStatus, to: SheetStatus) =>
  STAFF_SHEET_TRANSITIONS[from].includes(to);
export const canMoveConflict = (from: ConflictStatus, to: ConflictStatus) =>
  CONFLICT_TRANSITIONS[from].includes(to);
