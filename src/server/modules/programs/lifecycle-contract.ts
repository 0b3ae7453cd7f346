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

/**
 * 접수 기간 — the one "is the call open" rule. A call's window says whether it takes applications:
 * 'upcoming' = published (or opened by staff) but before opensAt; 'open' = opensAt <= now < closesAt;
 * 'closed' = closesAt passed, or the call is not (or no longer) published: draft, closed by staff,
 * evaluating, announced, archived. Exactly at opensAt the call is open; exactly at closesAt it is closed.
 * The database computes the same with now() (`callWindowSql` in programs' index); a test keeps them equal.
 */
export type CallWindow = 'upcoming' | 'open' | 'closed';
export const CALL_WINDOWS: readonly CallWindow[] = ['upcoming', 'open', 'closed'];

/** Stored statuses in which the clock decides the window (see callWindowSql). */
export const WINDOWED_CALL_STATUSES: readonly CallStatus[] = ['published', 'open'];

export function callWindow(
  call: { status: CallStatus; opensAt: Date | string; closesAt: Date | string },
  /** the database's now (dbNow, or read in the caller's query), never the app server's clock */
  now: Date | string,
): CallWindow {
  if (!WINDOWED_CALL_STATUSES.includes(call.status)) return 'closed';
  const t = new Date(now).getTime();
  if (t >= new Date(call.closesAt).getTime()) return 'closed';
  if (t >= new Date(call.opensAt).getTime()) return 'open';
  return 'upcoming';
}

/**
 * What an applicant may do in which window — the only table of it (server and web).
 * Answering a 보완요청 (supplement request) is bound to the request's due date, not to the call's window.
 */
export const CALL_ACTION_WINDOWS = {
  /** start a draft (신청서 작성 시작): before the call opens, too */
  startDraft: ['upcoming', 'open'],
  /** autosave answers of a draft / withdrawn application */
  saveDraft: ['upcoming', 'open'],
  /** attach or remove a document of a draft / withdrawn application */
  editDocuments: ['upcoming', 'open'],
  /** submit (접수): takes a receipt number and a seat */
  submit: ['open'],
  /** withdraw a submitted application (철회); it may be submitted again while the call is open */
  withdraw: ['upcoming', 'open'],
  /** edit and re-submit while a supplement request is pending (due date checked separately) */
  answerSupplement: ['upcoming', 'open', 'closed'],
} as const satisfies Record<string, readonly CallWindow[]>;
export type CallAction = keyof typeof CALL_ACTION_WINDOWS;

export const callAccepts = (action: CallAction, window: CallWindow): boolean =>
  (CALL_ACTION_WINDOWS[action] as readonly CallWindow[]).includes(window);

/** The status shown: published/open calls follow the clock (callWindow); other statuses are as stored. */
export function effectiveCallStatus(
  stored: CallStatus,
  opensAt: Date,
  closesAt: Date,
  /** the database's now (dbNow, or read in the caller's query), never the app server's clock */
  now: Date,
): CallStatus {
  if (!WINDOWED_CALL_STATUSES.includes(stored)) return stored;
  const w = callWindow({ status: stored, opensAt, closesAt }, now);
  return w === 'upcoming' ? 'published' : w;
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
