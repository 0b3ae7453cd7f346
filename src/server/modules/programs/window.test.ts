import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_STATUSES, type CallStatus } from '../../../shared/enums';
import { type DbHandle, sqlRows } from '../../db/client';
import { freshDatabase } from '../../test/db';
import {
  CALL_ACTION_WINDOWS,
  type CallAction,
  type CallWindow,
  callAccepts,
  callWindow,
  effectiveCallStatus,
} from './lifecycle-contract';
import { callAcceptsSql, callWindowSql, effectiveStatusSql } from './window';

const T = new Date('2021-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);

describe('callWindow (접수 기간)', () => {
  const call = (status: CallStatus, opensAt: Date, closesAt: Date) => ({ status, opensAt, closesAt });
  it('is open from opensAt (inclusive) to closesAt (exclusive)', () => {
    expect(callWindow(call('published', T, at(3600_000)), at(-1))).toBe('upcoming');
    expect(callWindow(call('published', T, at(3600_000)), T)).toBe('open');
    expect(callWindow(call('published', at(-3600_000), T), at(-1))).toBe('open');
    expect(callWindow(call('published', at(-3600_000), T), T)).toBe('closed');
    expect(callWindow(call('open', at(-3600_000), T), at(1))).toBe('closed');
  });
  it('is closed for every status but published/open, whatever the clock says', () => {
    for (const s of CALL_STATUSES.filter((s) => s !== 'published' && s !== 'open'))
      expect(callWindow(call(s, at(-3600_000), at(3600_000)), T)).toBe('closed');
    // a call opened early by staff still waits for opensAt
    expect(callWindow(call('open', at(1), at(3600_000)), T)).toBe('upcoming');
  });
  it('takes ISO strings (the web app) as well as dates', () => {
    expect(callWindow({ status: 'open', opensAt: T.toISOString(), closesAt: at(1).toISOString() }, T)).toBe(
      'open',
    );
  });
  it('the action table: submit only while open; drafts before the call opens too; supplements always', () => {
    expect(callAccepts('submit', 'open')).toBe(true);
    expect(callAccepts('submit', 'upcoming')).toBe(false);
    expect(callAccepts('startDraft', 'upcoming')).toBe(true);
    expect(callAccepts('saveDraft', 'closed')).toBe(false);
    expect(callAccepts('editDocuments', 'closed')).toBe(false);
    expect(callAccepts('withdraw', 'closed')).toBe(false);
    expect(callAccepts('answerSupplement', 'closed')).toBe(true);
  });
  it('effective status follows the window for published/open calls only', () => {
    expect(effectiveCallStatus('published', T, at(10), at(-1))).toBe('published');
    expect(effectiveCallStatus('published', T, at(10), T)).toBe('open');
    expect(effectiveCallStatus('open', T, at(10), at(10))).toBe('closed');
    expect(effectiveCallStatus('evaluating', T, at(10), T)).toBe('evaluating');
  });
});

describe('callWindowSql agrees with callWindow', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase();
  });
  afterAll(() => h?.close());

  it('at, just before and just after opens_at and closes_at, for every status', async () => {
    // now() is fixed within a transaction: the edges are exact, in the database's own clock.
    const offsets = ['-1 hour', '-1 millisecond', '0', '1 millisecond', '1 hour'];
    const cases: { status: CallStatus; opens: string; closes: string }[] = [];
    for (const status of CALL_STATUSES)
      for (const o of offsets) {
        cases.push({ status, opens: o, closes: '2 hours' });
        cases.push({ status, opens: '-2 hours', closes: o });
      }
    const values = sql.join(
      cases.map(
        (c, i) =>
          sql`(${i}, ${c.status}::call_status, now() + ${c.opens}::interval, now() + ${c.closes}::interval)`,
      ),
      sql`, `,
    );
    const cols = { status: sql`v.status`, opensAt: sql`v.opens_at`, closesAt: sql`v.closes_at` };
    const actions = Object.keys(CALL_ACTION_WINDOWS) as CallAction[];
    const rows = await h.db.transaction((tx) =>
      sqlRows<{
        i: number;
        status: CallStatus;
        opens_at: Date | string;
        closes_at: Date | string;
        now: Date | string;
        window: CallWindow;
        effective: string;
        accepts: Record<string, boolean>;
      }>(
        tx,
        sql`SELECT v.i, v.status, v.opens_at, v.closes_at, now() AS now, ${callWindowSql(cols)} AS window,
              ${effectiveStatusSql(cols)} AS effective,
              jsonb_build_object(${sql.join(
                actions.map((a) => sql`${a}::text, ${callAcceptsSql(a, cols)}`),
                sql`, `,
              )}) AS accepts
            FROM (VALUES ${values}) AS v(i, status, opens_at, closes_at) ORDER BY v.i`,
      ),
    );
    expect(rows).toHaveLength(cases.length);
    const seen = new Set<CallWindow>();
    for (const r of rows) {
      const call = { status: r.status, opensAt: new Date(r.opens_at), closesAt: new Date(r.closes_at) };
      const now = new Date(r.now);
      const w = callWindow(call, now);
      seen.add(w);
      expect(r.window, JSON.stringify(cases[r.i])).toBe(w);
      expect(r.effective).toBe(effectiveCallStatus(call.status, call.opensAt, call.closesAt, now));
      for (const a of actions)
        expect(r.accepts[a], `${a} ${JSON.stringify(cases[r.i])}`).toBe(callAccepts(a, w));
    }
    expect([...seen].sort()).toEqual(['closed', 'open', 'upcoming']);
    // the edges themselves (opens_at/closes_at = now() + offset): exactly at opens_at open, exactly at closes_at closed
    const exact = (opens: string, closes: string) =>
      rows.find(
        (r) =>
          cases[r.i].status === 'published' && cases[r.i].opens === opens && cases[r.i].closes === closes,
      )!;
    expect(exact('0', '2 hours').window).toBe('open');
    expect(exact('-2 hours', '0').window).toBe('closed');
    expect(exact('1 millisecond', '2 hours').window).toBe('upcoming');
    expect(exact('-2 hours', '1 millisecond').window).toBe('open');
    expect(exact('-2 hours', '-1 millisecond').window).toBe('closed');
  });
});
