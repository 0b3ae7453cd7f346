import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { saveUpload } from '../platform/files';
import type { Session, TestApp } from './app';
import { type Draft, prepareDrafts } from './drafts';
import { TINY_PDF } from './multipart';

/** The 2021 AIX rubric: 기술성 30 / 사업성 30 / 수행역량 20 / 파급효과 20. */
export const CRITERIA = [
  { code: 'tech', label: { ko: '기술성', en: 'Technology' }, maxPoints: 30 },
  { code: 'biz', label: { ko: '사업성', en: 'Business' }, maxPoints: 30 },
  { code: 'capability', label: { ko: '수행역량', en: 'Capability' }, maxPoints: 20 },
  { code: 'impact', label: { ko: '파급효과', en: 'Impact' }, maxPoints: 20 },
];

/** Points on each criterion for a total out of 100, spread by the maxima. */
export const pointsFor = (total: number) => ({
  tech: (total * 30) / 100,
  biz: (total * 30) / 100,
  capability: (total * 20) / 100,
  impact: (total * 20) / 100,
});

export interface EvaluationWorld {
  staff: Session;
  callId: string;
  drafts: Draft[];
  apps: string[];
  /** reviewers[0] is the demo reviewer (이 교수), then 5 new reviewer accounts */
  reviewers: Session[];
}

/**
 * A draft call with 4 submitted applications (submitted in order app0 … app3, for the tie-break on
 * submission time), each with a document, and 6 reviewers signed in.
 */
export async function evaluationWorld(ta: TestApp, brnPrefix = '77123'): Promise<EvaluationWorld> {
  const staff = await ta.loginAs('manager');
  const programs = (await staff.inject({ method: 'GET', url: '/api/programs' })).json();
  const created = await staff.inject({
    method: 'POST',
    url: '/api/calls',
    payload: {
      programId: programs.items[0].id,
      year: 2026,
      title: '평가 시험 공고',
      opensAt: '2026-01-01T10:00:00+09:00',
      closesAt: '2026-02-01T18:00:00+09:00',
      capacity: 2,
      form: [
        {
          key: 's',
          title: { ko: '기본' },
          fields: [{ key: 'problem', type: 'shortText', label: { ko: '과제' } }],
        },
      ],
    },
  });
  expect(created.statusCode).toBe(201);
  const callId = created.json().id as string;
  const drafts = await prepareDrafts(ta.handle, callId, 4, {
    brnPrefix,
    label: '평가기업',
    emailDomain: 'eval.example.kr',
  });
  for (const [i, d] of drafts.entries())
    await ta.handle.query(
      `UPDATE applications SET status = 'submitted', receipt_no = $2,
         submitted_at = now() - make_interval(mins => $3) WHERE id = $1`,
      [d.appId, `2026-EVL-${String(i + 1).padStart(4, '0')}`, 100 - i],
    );
  // a real document (the prepared ones have no bytes), so that reviewers can download it
  const plan = await saveUpload(ta.handle.db, ta.config.files, {
    buffer: TINY_PDF,
    filename: '사업계획서.pdf',
    purpose: 'application',
  });
  for (const d of drafts)
    await ta.handle.query(
      `INSERT INTO application_files (application_id, field_key, file_id) VALUES ($1, 'plan', $2)`,
      [d.appId, plan.id],
    );
  const admin = await ta.loginAs('admin');
  const reviewers = [await ta.loginAs('reviewer')];
  const password = 'Pyeongga-Wiwon-2048';
  for (let i = 1; i <= 5; i++) {
    const email = `reviewer-${randomBytes(3).toString('hex')}@eval.example.kr`;
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email, name: `평가위원${i}`, role: 'reviewer', password },
    });
    expect(res.statusCode).toBe(201);
    reviewers.push(await ta.login(email, password));
  }
  return { staff, callId, drafts, apps: drafts.map((d) => d.appId), reviewers };
}

/** The applicant's own session (prepared drafts come with a session of the firm's owner). */
export const asApplicant = (ta: TestApp, d: Draft) => ({
  inject: (opts: Parameters<Session['inject']>[0]) =>
    ta.app.inject({
      ...opts,
      headers: { cookie: d.cookie, 'x-csrf-token': d.csrf, ...(opts.headers ?? {}) },
    }),
});

export async function assignmentsOf(s: Session) {
  const res = await s.inject({ method: 'GET', url: '/api/me/evaluation/assignments' });
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    id: string;
    applicationId: string;
    panelId: string;
    status: string;
    callId: string;
  }[];
}

/** Every reviewer signs the pledge and scores each open assignment of the call with `total(reviewer, app)`. */
export async function scoreAll(
  w: EvaluationWorld,
  total: (reviewer: number, app: number, panelId: string) => number,
) {
  for (const [ri, r] of w.reviewers.entries()) {
    await r.inject({
      method: 'POST',
      url: `/api/calls/${w.callId}/evaluation/pledge`,
      payload: { version: 1, signedName: `위원${ri}` },
    });
    for (const a of await assignmentsOf(r)) {
      if (a.status !== 'assigned' || a.callId !== w.callId) continue;
      const points = pointsFor(total(ri, w.apps.indexOf(a.applicationId), a.panelId));
      const put = await r.inject({
        method: 'PUT',
        url: `/api/evaluation/assignments/${a.id}/sheet`,
        payload: { points, recommendation: 'suitable' },
      });
      expect(put.statusCode, put.body).toBe(200);
      const sub = await r.inject({ method: 'POST', url: `/api/evaluation/assignments/${a.id}/sheet/submit` });
      expect(sub.statusCode, sub.body).toBe(200);
    }
  }
}
