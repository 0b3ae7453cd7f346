import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBrn } from '../../../shared/brn';
import { setupTestApp } from '../../test/app';
import {
  asApplicant as applicant,
  assignmentsOf,
  CRITERIA,
  type EvaluationWorld,
  evaluationWorld,
} from '../../test/evaluation';

const t = setupTestApp({ firms: 40 });
let w: EvaluationWorld & { panelId: string };
const asApplicant = (d: EvaluationWorld['drafts'][number]) => applicant(t(), d);

beforeAll(async () => {
  w = { ...(await evaluationWorld(t())), panelId: '' };
}, 120_000);

describe('evaluation: panels, conflicts of interest, assignment', () => {
  it('sets profiles, settings and a panel with its rubric', async () => {
    const [{ brn }] = await t().handle.query<{ brn: string }>(
      'SELECT c.brn FROM companies c JOIN applications a ON a.company_id = c.id WHERE a.id = $1',
      [w.apps[0]],
    );
    // reviewer 5 advises the first applicant (제척), reviewer 4 works for the second
    const advisor = await w.staff.inject({
      method: 'PUT',
      url: `/api/evaluation/reviewers/${w.reviewers[5].userId}`,
      payload: {
        expertise: ['process'],
        affiliation: '평가대학교',
        relationships: [{ brn: formatBrn(brn), kind: 'advisor' }],
      },
    });
    expect(advisor.statusCode).toBe(200);
    expect(advisor.json().relationships).toEqual([{ brn, kind: 'advisor' }]);
    const notReviewer = await w.staff.inject({
      method: 'PUT',
      url: `/api/evaluation/reviewers/${w.staff.userId}`,
      payload: {},
    });
    expect(notReviewer.statusCode).toBe(422);
    const pool = (await w.staff.inject({ method: 'GET', url: '/api/evaluation/reviewers' })).json();
    expect(pool.items.map((r: { userId: string }) => r.userId)).toEqual(
      expect.arrayContaining(w.reviewers.map((r) => r.userId)),
    );

    const settings = await w.staff.inject({
      method: 'PUT',
      url: `/api/calls/${w.callId}/evaluation/settings`,
      payload: { cutoff: 70, bonusCap: 3, tieBreakCriterion: 'tech', reviewersPerApplication: 5 },
    });
    expect(settings.statusCode).toBe(200);

    const panel = await w.staff.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/panels`,
      payload: {
        stage: 'document',
        name: '서면평가위원회',
        weight: 100,
        memberIds: w.reviewers.map((r) => r.userId),
        criteria: CRITERIA,
      },
    });
    expect(panel.statusCode).toBe(201);
    expect(panel.json().rubric).toMatchObject({ version: 1, maxTotal: 100, frozen: false });
    w.panelId = panel.json().id;
    const twice = await w.staff.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/panels`,
      payload: { stage: 'document', name: '중복', weight: 30, criteria: CRITERIA },
    });
    expect(twice.statusCode).toBe(409);
    const badTieBreak = await w.staff.inject({
      method: 'PUT',
      url: `/api/calls/${w.callId}/evaluation/settings`,
      payload: { tieBreakCriterion: 'nope' },
    });
    expect(badTieBreak.statusCode).toBe(422);
  });

  it('assigns automatically: N per application, balanced, the conflicted reviewer excluded with a reason', async () => {
    const res = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/panels/${w.panelId}/assignments/auto`,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.short).toEqual([]);
    expect(out.excluded).toHaveLength(1);
    expect(out.excluded[0]).toMatchObject({
      applicationId: w.apps[0],
      reviewerId: w.reviewers[5].userId,
      kind: 'exclusion',
      status: 'recorded',
    });
    expect(out.excluded[0].reason).toContain('제척');
    expect(out.assigned).toHaveLength(20);
    const perApp = new Map<string, string[]>();
    for (const a of out.assigned)
      perApp.set(a.applicationId, [...(perApp.get(a.applicationId) ?? []), a.reviewerId]);
    for (const app of w.apps) expect(perApp.get(app)).toHaveLength(5);
    expect(perApp.get(w.apps[0])).not.toContain(w.reviewers[5].userId);
    const load = new Map<string, number>();
    for (const a of out.assigned) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    const loads = [...load.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    // by hand: the excluded reviewer cannot be put back; a non-member is refused
    const again = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/panels/${w.panelId}/assignments`,
      payload: { applicationId: w.apps[0], reviewerId: w.reviewers[5].userId },
    });
    expect(again.statusCode).toBe(409);
    const outsider = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/panels/${w.panelId}/assignments`,
      payload: { applicationId: w.apps[0], reviewerId: w.staff.userId },
    });
    expect(outsider.statusCode).toBe(422);

    const overview = (
      await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation` })
    ).json();
    expect(overview.applications).toBe(4);
    expect(overview.lackingReviewers).toEqual([]);
  });
});

describe('evaluation: the reviewer', () => {
  it('sees only own assignments: 404 for another reviewer’s assignment and sheet', async () => {
    const mine = await assignmentsOf(w.reviewers[0]);
    expect(mine.length).toBeGreaterThan(0);
    const others = await assignmentsOf(w.reviewers[1]);
    const foreign = others.find((o) => !mine.some((m) => m.id === o.id))!;
    for (const [method, url, payload] of [
      ['GET', `/api/evaluation/assignments/${foreign.id}`, undefined],
      ['PUT', `/api/evaluation/assignments/${foreign.id}/sheet`, { points: {} }],
      ['POST', `/api/evaluation/assignments/${foreign.id}/sheet/submit`, undefined],
      ['POST', `/api/evaluation/assignments/${foreign.id}/recuse`, { reason: '엿보기' }],
      ['GET', `/api/evaluation/assignments/${randomUUID()}`, undefined],
      ['GET', `/api/evaluation/assignments/${foreign.id}/files/${randomUUID()}`, undefined],
    ] as const) {
      const res = await w.reviewers[0].inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // the application itself is not readable through the applications API either
    const direct = await w.reviewers[0].inject({
      method: 'GET',
      url: `/api/applications/${foreign.applicationId}`,
    });
    expect([403, 404]).toContain(direct.statusCode);
    // staff-only views are refused
    expect(
      (await w.reviewers[0].inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation/results` }))
        .statusCode,
    ).toBe(403);
  });

  it('must sign the pledge before the first score; then drafts, cannot submit gaps, submits', async () => {
    const r = w.reviewers[0];
    const [a] = await assignmentsOf(r);
    const detail = await r.inject({ method: 'GET', url: `/api/evaluation/assignments/${a.id}` });
    expect(detail.statusCode).toBe(200);
    const files = detail.json().application.files as { fieldKey: string; fileId: string; name: string }[];
    expect(files.map((f) => [f.fieldKey, f.name])).toEqual([
      ['bizCert', 'cert.pdf'],
      ['plan', '사업계획서.pdf'],
    ]);
    const plan = files.find((f) => f.fieldKey === 'plan')!;
    const download = await r.inject({
      method: 'GET',
      url: `/api/evaluation/assignments/${a.id}/files/${plan.fileId}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await r.inject({ method: 'GET', url: `/api/evaluation/assignments/${a.id}/files/${randomUUID()}` }))
        .statusCode,
    ).toBe(404);
    expect(detail.json().sheet).toBeNull();
    expect(detail.json().application.answers).toMatchObject({
      contactName: '김*표',
      contactPhone: '010-****-5678',
    });
    expect(detail.json().assignment.pledgeSigned).toBe(false);

    const early = await r.inject({
      method: 'PUT',
      url: `/api/evaluation/assignments/${a.id}/sheet`,
      payload: { points: { tech: 20 } },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('pledge_required');

    const pledge = (await r.inject({ method: 'GET', url: '/api/evaluation/pledge' })).json();
    expect(pledge.body.ko).toContain('서약');
    const notOnPanel = await r.inject({
      method: 'POST',
      url: `/api/calls/${randomUUID()}/evaluation/pledge`,
      payload: { version: pledge.version, signedName: '이 교수' },
    });
    expect(notOnPanel.statusCode).toBe(404);
    const signed = await r.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/pledge`,
      payload: { version: pledge.version, signedName: '이 교수' },
    });
    expect(signed.statusCode).toBe(200);

    const tooMany = await r.inject({
      method: 'PUT',
      url: `/api/evaluation/assignments/${a.id}/sheet`,
      payload: { points: { tech: 31, nope: 1 }, comments: { nope: '없는 항목' } },
    });
    expect(tooMany.statusCode).toBe(422);
    expect(
      tooMany
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['comments.nope', 'points.nope', 'points.tech']);

    const draft = await r.inject({
      method: 'PUT',
      url: `/api/evaluation/assignments/${a.id}/sheet`,
      payload: {
        points: { tech: 25, biz: 20 },
        comments: { tech: '기술 검증 양호' },
        recommendation: 'suitable',
      },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', total: null, points: { tech: 25, biz: 20 } });

    // the database keeps points within 0..max and refuses unknown criteria too
    for (const bad of ['{"tech": 31}', '{"tech": -1}', '{"nope": 1}', '{"tech": "20"}'])
      await expect(
        t().handle.query('UPDATE score_sheets SET points = $2::jsonb WHERE id = $1', [draft.json().id, bad]),
      ).rejects.toThrow(/range/);

    const gaps = await r.inject({ method: 'POST', url: `/api/evaluation/assignments/${a.id}/sheet/submit` });
    expect(gaps.statusCode).toBe(422);
    expect(gaps.json().error.code).toBe('sheet_incomplete');
    expect(gaps.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'points.capability',
      'points.impact',
    ]);

    // a zero is an answer; an unanswered criterion is not
    const full = await r.inject({
      method: 'PUT',
      url: `/api/evaluation/assignments/${a.id}/sheet`,
      payload: {
        points: { tech: 25, biz: 20, capability: 0, impact: 15 },
        recommendation: 'supplement',
        version: draft.json().version,
      },
    });
    expect(full.statusCode).toBe(200);
    const submitted = await r.inject({
      method: 'POST',
      url: `/api/evaluation/assignments/${a.id}/sheet/submit`,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', total: 60 });

    const late = await r.inject({
      method: 'PUT',
      url: `/api/evaluation/assignments/${a.id}/sheet`,
      payload: { points: { tech: 30 } },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('sheet_submitted');

    // the database refuses it too
    await expect(
      t().handle.query(
        `UPDATE score_sheets SET points = '{"tech": 30, "biz": 20, "capability": 0, "impact": 15}' WHERE id = $1`,
        [submitted.json().id],
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      t().handle.query(`UPDATE score_sheets SET status = 'draft' WHERE id = $1`, [submitted.json().id]),
    ).rejects.toThrow(/reason/);

    // staff reopen with a reason; the reviewer corrects and submits again
    const reopened = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/assignments/${a.id}/sheet/reopen`,
      payload: { reason: '수행역량 점수 재검토 요청' },
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'draft', reopenReason: '수행역량 점수 재검토 요청' });
    // the rubric is frozen now: editing it makes a new version
    const rubric = await w.staff.inject({
      method: 'PUT',
      url: `/api/evaluation/panels/${w.panelId}/rubric`,
      payload: { criteria: CRITERIA.map((c) => ({ ...c, guidance: { ko: '근거를 적어 주세요', en: '' } })) },
    });
    expect(rubric.statusCode).toBe(200);
    expect(rubric.json().version).toBe(2);
  });

  it('recuses from one application with a reason (회피), which is logged', async () => {
    const r = w.reviewers[1];
    await r.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/pledge`,
      payload: { version: 1, signedName: '평가위원1' },
    });
    const [a] = await assignmentsOf(r);
    const res = await r.inject({
      method: 'POST',
      url: `/api/evaluation/assignments/${a.id}/recuse`,
      payload: { reason: '최근 3년 내 해당 기업 자문' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('recused');
    expect((await r.inject({ method: 'GET', url: `/api/evaluation/assignments/${a.id}` })).statusCode).toBe(
      404,
    );
    const [log] = await t().handle.query<{ kind: string; reason: string }>(
      `SELECT kind, reason FROM evaluation_conflicts WHERE reviewer_id = $1 AND kind = 'recusal'`,
      [r.userId],
    );
    expect(log).toEqual({ kind: 'recusal', reason: '최근 3년 내 해당 기업 자문' });
    const [audit] = await t().handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evaluation.recusal' AND actor_id = $1`,
      [r.userId],
    );
    expect(audit.n).toBe(1);
    // the overview shows the gap
    const overview = (
      await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation` })
    ).json();
    expect(overview.lackingReviewers).toEqual([
      { panelId: w.panelId, applicationId: a.applicationId, assigned: 4 },
    ]);

    // late reviewers: open sheets after the panel's due time (the database clock)
    const due = await w.staff.inject({
      method: 'PATCH',
      url: `/api/evaluation/panels/${w.panelId}`,
      payload: { dueAt: '2020-01-01T18:00:00+09:00' },
    });
    expect(due.statusCode).toBe(200);
    const late = (await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation` })).json();
    expect(late.lateReviewers.map((l: { reviewerId: string }) => l.reviewerId)).toContain(
      w.reviewers[2].userId,
    );
    await w.staff.inject({
      method: 'PATCH',
      url: `/api/evaluation/panels/${w.panelId}`,
      payload: { dueAt: null },
    });
  });
});

describe('evaluation: the applicant objects (기피)', () => {
  it('objects to an assigned reviewer; staff uphold and the reviewer is taken off', async () => {
    const applicant = asApplicant(w.drafts[3]);
    const list = await applicant.inject({
      method: 'GET',
      url: `/api/applications/${w.apps[3]}/evaluation/reviewers`,
    });
    expect(list.statusCode).toBe(200);
    const target = list.json().items[0];
    // another firm's application is not found
    const other = await applicant.inject({
      method: 'GET',
      url: `/api/applications/${w.apps[2]}/evaluation/reviewers`,
    });
    expect(other.statusCode).toBe(404);
    const objection = await applicant.inject({
      method: 'POST',
      url: `/api/applications/${w.apps[3]}/evaluation/objections`,
      payload: { panelId: target.panelId, reviewerId: target.reviewerId, reason: '경쟁사 사외이사' },
    });
    expect(objection.statusCode).toBe(201);
    expect(objection.json()).toMatchObject({ kind: 'objection', status: 'pending' });
    const decided = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/objections/${objection.json().id}/decision`,
      payload: { decision: 'upheld', reason: '이해관계 확인' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'upheld', decisionReason: '이해관계 확인' });
    const twice = await w.staff.inject({
      method: 'POST',
      url: `/api/evaluation/objections/${objection.json().id}/decision`,
      payload: { decision: 'dismissed', reason: '번복' },
    });
    expect(twice.statusCode).toBe(409);
    const after = (
      await applicant.inject({ method: 'GET', url: `/api/applications/${w.apps[3]}/evaluation/reviewers` })
    ).json();
    expect(after.items.map((i: { reviewerId: string }) => i.reviewerId)).not.toContain(target.reviewerId);

    // staff see the whole conflict log of the call: 제척 (auto), 회피, 기피 with decision
    const log = (
      await w.staff.inject({ method: 'GET', url: `/api/calls/${w.callId}/evaluation/conflicts` })
    ).json();
    expect(log.items.map((c: { kind: string; status: string }) => `${c.kind}:${c.status}`)).toEqual([
      'exclusion:recorded',
      'recusal:recorded',
      'objection:upheld',
    ]);
    const board = (
      await w.staff.inject({ method: 'GET', url: `/api/evaluation/panels/${w.panelId}/assignments` })
    ).json();
    expect(board.items).toHaveLength(21);
    expect(board.items.filter((i: { sheetStatus: string | null }) => i.sheetStatus === 'draft')).toHaveLength(
      1,
    );
  });
});
