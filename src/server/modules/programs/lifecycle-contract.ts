import type { CallStatus } from '../../../shared/enums';

/**
 * 공고 lifecycle: draft → published → open → closed → evaluating → announced → archived.
 * `open` and `closed` also follow from the clock: a published call is open between opensAt and
 * closesAt, and closed after closesAt, whatever its stored status says.
 */
export const CALL_TRANSITIONS: Record<CallStatus, CallStatus[]> = {
  draft: ['published', 'archived'],
  published: ['draft', 'open', 'closed'],
  open: ['closed'],
  closed: ['evaluating'],
  evaluating: ['announced'],
  announced: ['archived'],
  archived: [],
};

export function effectiveCallStatus(
  stored: CallStatus,
  opensAt: Date,
  closesAt: Date,
  /** the database's now (dbNow, or read in the caller's query), never the app server's clock */
  now: Date,
): CallStatus {
  if (stored === 'published' || stored === 'open') {
    if (now >= closesAt) return 'closed';
    if (now >= opensAt) return 'open';
    return 'published';
  }
  return stored;
}

export function canTransition(from: CallStatus, to: CallStatus): boolean {
  return CALL_TRANSITIONS[from].includes(to);
}

/** Statuses visible to the public (not drafts). */
export const PUBLIC_CALL_STATUSES: CallStatus[] = [
  'published',
  'open',
  'closed',
  'evaluating',
  'announced',
  'archived',
];

/** Competition ratio = submitted applications ÷ capacity, one decimal (13.4 means 13.4:1). */
export function competitionRatio(submitted: number, capacity: number): number {
  return capacity > 0 ? Math.round((submitted / capacity) * 10) / 10 : 0;
}

/** 접수번호: 2021-AIX-0007 (the serial is at least four digits; the SQL in submitApplication matches this) */
export function receiptNumber(year: number, programCode: string, seq: number): string {
  return `${receiptPrefix(year, programCode)}${String(seq).padStart(4, '0')}`;
}
export const receiptPrefix = (year: number, programCode: string) => `${year}-${programCode}-`;
