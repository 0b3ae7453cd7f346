import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';
import { CRITERIA, type EvaluationWorld, evaluationWorld, scoreAll } from '../../test/evaluation';

const t = setupTestApp({ firms: 40 });
let w: EvaluationWorld;
let doc = '';
let pres = '';

interface Item {
  applicationId: string;
  rank: number;
  stages: {
    panelId: string;
    rawTotals: number[];
    dropped: { high: number | null; low: number | null };
    mean: number;
  }[];
  bonus: number;
  final: number;
  passed: boolean;
}

beforeAll(async () => {
  w = await evaluationWorld(t(), '77124');
  const staff = w.staff;
  await staff.inject({
    method: 'PUT',
    url: `/api/calls/${w.callId}/evaluation/settings`,
    payload: { cutoff: 70, bonusCap: 3, tieBreakCriterion: 'tech', reviewersPerApplication: 5 },
  });
  const panel = async (stage: string, weight: number, members: number) => {
    const res = await staff.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/panels`,
      payload: {
        stage,
        name: stage,
        weight,
        memberIds: w.reviewers.slice(0, members).map((r) => r.userId),
        criteria: CRITERIA,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  doc = await panel('document', 30, 6);
  pres = await panel('presentation', 70, 3);
  for (const [panelId, perApplication] of [
    [doc, 5],
    [pres, 3],
  ] as const) {
    const res = await staff.inject({
      method: 'POST',
      url: `/api/evaluation/panels/${panelId}/assignments/auto`,
      payload: { perApplication },
    });
    expect(res.json().short).toEqual([]);
  }
}, 120_000);

describe('evaluation results and selection', () => {
  it('refuses decisions on a call not under evaluation or not fully scored, and the announcement before', async () => {
    const decide = () =>
      w.staff.inject({ method: 'POST', url: `/api/calls/${w.callId}/evaluation/decisions`, payload: {} });
    expect((await decide()).statusCode).toBe(409); // a draft call
    await t().handle.query(`UPDATE calls SET status = 'evaluating' WHERE id = $1`, [w.callId]);
    const early = await decide();
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('results_incomplete');
    const announce = await w.staff.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/transition`,
      payload: { to: 'announced' },
    });
    expect(announce.statusCode).toBe(409);
    expect(announce.json().error.code).toBe('call_undecided');
    // before any sheet: nobody is ranked
    const empty = (
      await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation/results` })
    ).json();
    expect(empty.items.map((i: Item) => [i.rank, i.final, i.passed])).toEqual(
      Array(4).fill([null, null, false]),
    );
  });

  it('aggregates per stage (highest and lowest dropped with 5), weights 30/70, caps the bonus, ranks', async () => {
    // one document reviewer of app1 is taken off: 4 sheets there, nothing dropped
    const board = (
      await w.staff.inject({ method: 'GET', url: `/api/evaluation/panels/${doc}/assignments` })
    ).json();
    const off = board.items.find((a: { applicationId: string }) => a.applicationId === w.apps[1]);
    const removed = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/assignments/${off.id}/remove`,
      payload: { reason: '일정 불가' },
    });
    expect(removed.json().status).toBe('removed');
    await scoreAll(w, (ri, ai, panelId) => (panelId === doc ? 60 + 5 * ri + ai : 70 + 2 * ri + ai));
    const bonus = await w.staff.inject({
      method: 'PUT',
      url: `/api/applications/${w.apps[0]}/evaluation/bonus`,
      payload: { points: 5, reason: '여성기업 가점' },
    });
    expect(bonus.statusCode).toBe(200);

    const res = await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation/results` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(Object.keys(items[0]).sort()).toEqual([
      'applicationId',
      'bonus',
      'final',
      'passed',
      'rank',
      'stages',
    ]);
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4]);
    for (const item of items) {
      const ai = w.apps.indexOf(item.applicationId);
      const [d, p] = item.stages;
      expect([d.panelId, p.panelId]).toEqual([doc, pres]);
      expect(d.rawTotals).toHaveLength(ai === 1 ? 4 : 5);
      const sorted = [...d.rawTotals].sort((a, b) => a - b);
      if (ai === 1) {
        expect(d.dropped).toEqual({ high: null, low: null });
        expect(d.mean).toBeCloseTo(sorted.reduce((s, x) => s + x, 0) / 4, 2);
      } else {
        expect(d.dropped).toEqual({ high: sorted[4], low: sorted[0] });
        expect(d.mean).toBeCloseTo((sorted[1] + sorted[2] + sorted[3]) / 3, 2);
      }
      // 3 presentation reviewers (70, 72, 74 + app index): fewer than 5, nothing dropped
      expect(p).toMatchObject({ dropped: { high: null, low: null }, mean: 72 + ai });
      expect(item.bonus).toBe(ai === 0 ? 3 : 0);
      const weighted = 0.3 * d.mean + 0.7 * p.mean;
      expect(Math.abs(item.final - (weighted + item.bonus))).toBeLessThanOrEqual(0.01);
      // the cut-off compares the published (rounded) weighted score
      if (Math.abs(weighted - 70) > 0.01) expect(item.passed).toBe(weighted >= 70);
      for (const x of [...d.rawTotals, d.mean, item.final]) expect(Number(x.toFixed(2))).toBe(x);
    }
    for (let i = 1; i < items.length; i++) expect(items[i - 1].final).toBeGreaterThanOrEqual(items[i].final);
  });

  it('selects up to the target, waitlists in rank order, rejects the rest with reasons; then announces', async () => {
    const items = (
      await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation/results` })
    ).json().items as Item[];
    const decided = await w.staff.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/decisions`,
      payload: { selectionTarget: 1, waitlist: 1, reasons: { [items[3].applicationId]: '보완 필요' } },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const passed = items.filter((i) => i.passed);
    const expected = items.map((i) => {
      const k = passed.indexOf(i);
      return k === 0 ? 'selected' : k === 1 ? 'waitlisted' : 'rejected';
    });
    expect(decided.json().items.map((d: { status: string }) => d.status)).toEqual(expected);
    expect(decided.json().items[3].reason).toContain('보완 필요');
    const rows = await t().handle.query<{ id: string; status: string; status_reason: string }>(
      'SELECT id, status, status_reason FROM applications WHERE call_id = $1',
      [w.callId],
    );
    for (const [k, item] of items.entries()) {
      const row = rows.find((r) => r.id === item.applicationId)!;
      expect(row.status).toBe(expected[k]);
      expect(row.status_reason).toBeTruthy();
    }
    const [audit] = await t().handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.decision'
       AND entity_id = ANY($1::text[])`,
      [w.apps],
    );
    expect(audit.n).toBe(4);
    const announce = await w.staff.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/transition`,
      payload: { to: 'announced' },
    });
    expect(announce.statusCode).toBe(200);
  });
});
