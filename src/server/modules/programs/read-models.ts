import { type SQL, sql } from 'drizzle-orm';
import { callAcceptsSql } from './window';

/**
 * SQL that programs publishes for other modules, which never use the programs tables themselves.
 */

/**
 * Calls as a subquery for other modules' joins: id, program_id, program_code, year, title, per_firm_cap,
 * e.g. `JOIN (${callRefsSql}) c ON c.id = a.call_id`.
 */
export const callRefsSql = sql`SELECT c.id, c.program_id, p.code AS program_code, c.year, c.title, c.per_firm_cap
  FROM calls c JOIN programs p ON p.id = c.program_id`;

/**
 * "Take a submission slot" — a data-modifying CTE body for the submit statement: the conditional UPDATE of
 * the call row that checks the window (CALL_ACTION_WINDOWS.submit, by now()) and the seats
 * (max_applications), counts the submission and, for a first submission, the call's receipt serial.
 * Returns the call id when a slot was taken and no row otherwise. The row stays locked only for the rest
 * of the caller's transaction, so concurrent submits to one call queue briefly.
 */
export function takeSubmissionSlotSql(callId: string, opts: { newReceipt: boolean }): SQL {
  return sql`UPDATE calls SET receipt_seq = receipt_seq + ${opts.newReceipt ? 1 : 0},
      submitted_count = submitted_count + 1
    WHERE id = ${callId} AND ${callAcceptsSql('submit')}
      AND (max_applications IS NULL OR submitted_count < max_applications)
    RETURNING id`;
}

/**
 * Gives a submission slot back (withdrawal) while the call's window accepts withdrawals
 * (CALL_ACTION_WINDOWS.withdraw). A statement returning the call id, or no row when the window is past.
 */
export function releaseSubmissionSlotSql(callId: string): SQL {
  return sql`UPDATE calls SET submitted_count = submitted_count - 1
    WHERE id = ${callId} AND ${callAcceptsSql('withdraw')}
    RETURNING id`;
}
