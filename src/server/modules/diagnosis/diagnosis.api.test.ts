import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../platform/tabular';
import { setupTestApp } from '../../test/app';
import type { Diagnosis, InstrumentContent } from './contract';
import { rebuildPeerCounts } from './peers';
import { scoreDiagnosis } from './scoring';

const t = setupTestApp({ firms: 300 });

const one = async <T = Record<string, unknown>>(q: string, params: unknown[] = []) =>
  (await t().handle.query<T>(q, params))[0];
const companyId = async (name: string) =>
  (await one<{ id: string }>('SELECT id FROM companies WHERE name = $1', [name])).id;

/** pdftotext output of a PDF, or undefined when poppler-utils is not installed. */
function pdfText(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'itda-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lowest-scoring valid answer for every question (stage 1). */
function lowest(content: InstrumentContent) {
  const answers: Record<string, unknown> = {};
  for (const q of content.dimensions.flatMap((d) => d.questions)) {
    if (q.type === 'single') answers[q.key] = [...q.options].sort((a, b) => a.points - b.points)[0].value;
    else if (q.type === 'multi')
      answers[q.key] = { done: [q.options.find((o) => o.exclusive)!.value], planned: [] };
    else if (q.type === 'scale') answers[q.key] = 1;
    else answers[q.key] = 'no';
  }
  return answers;
}

describe('the public instrument', () => {
  it('anyone reads the current instrument: six dimensions, Korean and English, stages', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/diagnosis/instruments/current' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 1, status: 'published', current: true, dimensions: 6 });
    expect(body.content.dimensions.map((d: { title: { ko: string } }) => d.title.ko)).toEqual([
      '디지털 전략',
      '디지털 기반',
      '인력·역량',
      '데이터 관리',
      '자동화·AI',
      '친환경·보안 운영',
    ]);
    expect(body.content.stages.map((s: { label: { ko: string } }) => s.label.ko)).toEqual([
      '미착수',
      '초기',
      '도입',
      '확산',
      '고도화',
    ]);
  });
});

describe('taking the diagnosis (김 대표, 디지털존)', () => {
  it('the demo SME has its T0 diagnosis in the timeline', async () => {
    const sme = await t().loginAs('sme');
    const own = await companyId('디지털존');
    const res = await sme.inject({ method: 'GET', url: `/api/companies/${own}/diagnoses` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items[0]).toMatchObject({ label: 'T0', seq: 0, status: 'submitted' });
    expect(items[0].stage).toBe(2);
  });

  it('invited by her association, starts, autosaves, resumes, is blocked while incomplete, submits', async () => {
    const own = await companyId('디지털존');
    const partner = await t().loginAs('partner');
    const invited = await partner.inject({
      method: 'POST',
      url: '/api/diagnosis/invitations',
      payload: {
        targets: [{ companyId: own }],
        message: '회원사 DX 진단 안내',
      },
    });
    expect(invited.statusCode).toBe(201);
    const invitation = invited.json().items[0];
    expect(invitation).toMatchObject({ companyName: '디지털존', status: 'sent' });
    const token = new URL(invitation.link, 'http://x').searchParams.get('invite')!;
    const mail = await one<{ subject: string; body: string }>(
      `SELECT subject, body FROM outbox WHERE "to" = 'ceo1@seed.example.kr'`,
    );
    expect(mail.subject).toContain('DX 수준진단');
    expect(mail.body).toContain(invitation.link);
    expect(mail.body).toContain('하이서울기업협회');

    const sme = await t().loginAs('sme');
    const started = await sme.inject({
      method: 'POST',
      url: `/api/companies/${own}/diagnoses`,
      payload: { invitationToken: token },
    });
    expect(started.statusCode).toBe(201);
    const d: Diagnosis = started.json();
    expect(d).toMatchObject({ status: 'draft', companyName: '디지털존', instrumentVersion: 1, result: null });
    expect(d.progress).toMatchObject({ answered: 0, total: 30 });
    const again = await sme.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses` });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(d.id);

    // wrong answers are 422 with the question's path
    const bad = await sme.inject({
      method: 'PUT',
      url: `/api/diagnoses/${d.id}/answers`,
      payload: { answers: { strategyDirection: 'nope', unknownQuestion: 3, aiTech: ['chatbot', 'none'] } },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['answers.aiTech', 'answers.strategyDirection', 'answers.unknownQuestion']);

    // autosave half, leave, resume
    const content = d.instrument;
    const all = lowest(content);
    all.strategyDirection = 'direction';
    all.strategyAreas = { done: ['customer'], planned: ['operations'] };
    all.dataStorage = 'governed';
    all.dataDecisions = 5;
    all.dataCollected = ['customers', 'sales', 'inventory'];
    all.dataRules = 'done';
    const keys = Object.keys(all);
    const firstHalf = Object.fromEntries(keys.slice(0, 12).map((k) => [k, all[k]]));
    const saved = await sme.inject({
      method: 'PUT',
      url: `/api/diagnoses/${d.id}/answers`,
      payload: { answers: firstHalf },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().progress.answered).toBe(12);
    const incomplete = await sme.inject({ method: 'POST', url: `/api/diagnoses/${d.id}/submit` });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('diagnosis_incomplete');
    expect(incomplete.json().error.fields.length).toBe(d.progress.required - 12);
    // null clears an answer
    const cleared = await sme.inject({
      method: 'PUT',
      url: `/api/diagnoses/${d.id}/answers`,
      payload: { answers: { [keys[0]]: null } },
    });
    expect(cleared.json().progress.answered).toBe(11);
    expect(cleared.json().missing).toContain(keys[0]);
    const resumed = await sme.inject({ method: 'GET', url: `/api/diagnoses/${d.id}` });
    expect(Object.keys(resumed.json().answers)).toHaveLength(11);
    const inv = await partner.inject({ method: 'GET', url: '/api/diagnosis/invitations?status=started' });
    expect(inv.json().items.map((i: { id: string }) => i.id)).toContain(invitation.id);

    const rest = await sme.inject({
      method: 'PUT',
      url: `/api/diagnoses/${d.id}/answers`,
      payload: { answers: all },
    });
    expect(rest.json().missing).toEqual([]);
    const submitted = await sme.inject({ method: 'POST', url: `/api/diagnoses/${d.id}/submit` });
    expect(submitted.statusCode).toBe(200);
    const r: Diagnosis = submitted.json();
    const expected = scoreDiagnosis(content, all as never);
    expect(r.status).toBe('submitted');
    expect(r.result!.overall).toBe(expected.overall);
    expect(r.result!.stage).toBe(expected.stage);
    expect(Object.fromEntries(r.result!.dimensions.map((x) => [x.key, x.score]))).toEqual(
      expected.dimensions,
    );
    expect(r.result!.dimensions.find((x) => x.key === 'data')!.score).toBeGreaterThanOrEqual(60);
    expect(r.result!.dimensions.find((x) => x.key === 'ai')!.score).toBeLessThan(40);
    // peer benchmark: the group used and its size are stated; percentiles are 0–100
    expect(['sizeSection', 'size', 'all']).toContain(r.result!.peer.group);
    expect(r.result!.peer.n).toBeGreaterThan(0);
    expect(r.result!.peer.overallPercentile).toBeGreaterThanOrEqual(0);
    expect(r.result!.peer.overallPercentile).toBeLessThanOrEqual(100);
    expect(r.result!.peer.description.ko).toMatch(/곳과 비교했습니다/);
    for (const dim of r.result!.dimensions) expect(dim.peerMedian).not.toBeNull();
    // before/after: compared with the previous submitted diagnosis (T1 of the demo, after 2021 support)
    const timeline = (await sme.inject({ method: 'GET', url: `/api/companies/${own}/diagnoses` })).json()
      .items;
    expect(timeline.map((i: { label: string }) => i.label)).toEqual(['T0', 'T1', 'T2']);
    expect(r.label).toBe('T2');
    expect(r.result!.previous).toMatchObject({ label: 'T1', id: timeline[1].id });
    expect(r.result!.previous!.delta).toBeCloseTo(r.result!.overall - timeline[1].overall, 5);
    const dataDim = r.result!.dimensions.find((x) => x.key === 'data')!;
    expect(dataDim.delta).toBeCloseTo(dataDim.score! - timeline[1].dimensionScores.data, 5);
    expect(r.result!.strengths.map((s) => s.dimension)).toContain('data');
    expect(r.result!.gaps.length).toBeGreaterThan(0);
    expect(r.result!.gaps[0].text.ko).toMatch(/점/);

    // submitted is final: same result again, no more edits
    const twice = await sme.inject({ method: 'POST', url: `/api/diagnoses/${d.id}/submit` });
    expect(twice.statusCode).toBe(200);
    expect(twice.json().submittedAt).toBe(r.submittedAt);
    const locked = await sme.inject({
      method: 'PUT',
      url: `/api/diagnoses/${d.id}/answers`,
      payload: { answers: { dataDecisions: 1 } },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('diagnosis_submitted');

    // the invitation is tracked as submitted; the partner sees status, not answers or scores
    const list = await partner.inject({ method: 'GET', url: '/api/diagnosis/invitations' });
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((i: { id: string }) => i.id === invitation.id);
    expect(mine).toMatchObject({ status: 'submitted', companyName: '디지털존' });
    expect(mine.email).toMatch(/\*/);
    expect(JSON.stringify(list.json())).not.toMatch(/overall|answers|dimension/);
    expect(list.json().totals.submitted).toBeGreaterThan(0);
    expect((await partner.inject({ method: 'GET', url: `/api/diagnoses/${d.id}` })).statusCode).toBe(403);

    // every change is audited
    const audits = await t().handle.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'diagnosis' AND entity_id = $1 ORDER BY id`,
      [d.id],
    );
    expect(audits.map((a) => a.action)).toEqual([
      'diagnosis.start',
      'diagnosis.save',
      'diagnosis.save',
      'diagnosis.save',
      'diagnosis.submit',
    ]);

    // recommendations: strong data, weak AI → AIX (no open call now: not shown); the open DXC call is shown
    // only when its rule matches (stage ≤ 2)
    const recs = await sme.inject({ method: 'GET', url: `/api/diagnoses/${d.id}/recommendations` });
    expect(recs.statusCode).toBe(200);
    for (const item of recs.json().items) {
      expect(item.calls.length).toBeGreaterThan(0);
      expect(item.reasons[0].text.ko.length).toBeGreaterThan(10);
    }
    expect(recs.json().items.map((i: { programCode: string }) => i.programCode)).not.toContain('AIX');
  });

  it('a stage-1 result recommends the open DX consulting call with its reason, and the PDF report shows it', async () => {
    const own = await companyId('디지털존');
    const sme = await t().loginAs('sme');
    const d: Diagnosis = (
      await sme.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses` })
    ).json();
    await sme.inject({
      method: 'PUT',
      url: `/api/diagnoses/${d.id}/answers`,
      payload: { answers: lowest(d.instrument) },
    });
    const r: Diagnosis = (await sme.inject({ method: 'POST', url: `/api/diagnoses/${d.id}/submit` })).json();
    expect(r.result!.stage).toBe(1);
    expect(r.result!.stageLabel.ko).toBe('미착수');
    const recs = (await sme.inject({ method: 'GET', url: `/api/diagnoses/${d.id}/recommendations` })).json();
    const dxc = recs.items.find((i: { programCode: string }) => i.programCode === 'DXC');
    expect(dxc).toBeDefined();
    expect(dxc.programName.ko).toBe('DX 역량강화 컨설팅 지원사업');
    expect(dxc.reasons[0].text.ko).toContain('컨설팅');
    expect(dxc.calls[0].title).toContain('DX 역량강화 컨설팅');
    // DLC (leadership course) matches too, but has no open call: not shown
    expect(recs.items.map((i: { programCode: string }) => i.programCode)).not.toContain('DLC');

    const pdf = await sme.inject({ method: 'GET', url: `/api/diagnoses/${d.id}/report.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
    const text = pdfText(pdf.rawPayload);
    if (text !== undefined) {
      expect(text).toContain('디지털존');
      expect(text).toContain(r.result!.overall.toFixed(1));
      expect(text).toContain('미착수');
      expect(text).toContain('DX 역량강화 컨설팅 지원사업');
      expect(text).toContain('데이터 관리');
    }
    const en = await sme.inject({ method: 'GET', url: `/api/diagnoses/${d.id}/report.pdf?lang=en` });
    const enText = pdfText(en.rawPayload);
    if (enText !== undefined) expect(enText).toContain('Overall score');

    // staff export the answers; the SME may not
    expect((await sme.inject({ method: 'GET', url: `/api/diagnoses/${d.id}/answers.xlsx` })).statusCode).toBe(
      403,
    );
    const mgr = await t().loginAs('manager');
    const xlsx = await mgr.inject({ method: 'GET', url: `/api/diagnoses/${d.id}/answers.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const table = await readTable(xlsx.rawPayload, 'a.xlsx');
    expect(table.headers[0]).toBe('영역');
    expect(table.rows).toHaveLength(30);
    expect(table.rows[0][0]).toBe('디지털 전략');
    // a draft has no report yet
    const draft: Diagnosis = (
      await sme.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses` })
    ).json();
    const early = await sme.inject({ method: 'GET', url: `/api/diagnoses/${draft.id}/report.pdf` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('diagnosis_not_submitted');
  });

  it('other firms, suppliers, partners and viewers cannot see or answer a firm’s diagnosis', async () => {
    const own = await companyId('디지털존');
    const [row] = await t().handle.query<{ id: string }>(
      `SELECT id FROM diagnoses WHERE company_id = $1 AND status = 'submitted' ORDER BY seq LIMIT 1`,
      [own],
    );
    const other = await one<{ id: string; company_id: string }>(
      `SELECT d.id, d.company_id FROM diagnoses d WHERE d.company_id <> $1 LIMIT 1`,
      [own],
    );
    const sme = await t().loginAs('sme');
    expect((await sme.inject({ method: 'GET', url: `/api/diagnoses/${other.id}` })).statusCode).toBe(404);
    expect(
      (await sme.inject({ method: 'GET', url: `/api/companies/${other.company_id}/diagnoses` })).statusCode,
    ).toBe(403);
    expect(
      (await sme.inject({ method: 'POST', url: `/api/companies/${other.company_id}/diagnoses` })).statusCode,
    ).toBe(403);
    for (const role of ['supplier', 'partner', 'viewer', 'reviewer', 'consultant'] as const) {
      const s = await t().loginAs(role);
      expect((await s.inject({ method: 'GET', url: `/api/diagnoses/${row.id}` })).statusCode, role).toBe(403);
      expect(
        (await s.inject({ method: 'GET', url: `/api/diagnoses/${row.id}/report.pdf` })).statusCode,
        role,
      ).toBe(403);
    }
    const mgr = await t().loginAs('manager');
    expect((await mgr.inject({ method: 'GET', url: `/api/diagnoses/${row.id}` })).statusCode).toBe(200);
    // staff read but do not answer for the firm
    expect((await mgr.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses` })).statusCode).toBe(
      403,
    );
  });
});

describe('peer histograms', () => {
  it('stay in step with the latest diagnoses after submits (equal to a rebuild from diagnoses)', async () => {
    const snapshot = () =>
      t().handle.query(
        `SELECT size_class, ksic_section, metric, score_tenths, n FROM diagnosis_peer_counts WHERE n <> 0
         ORDER BY 1, 2, 3, 4`,
      );
    const incremental = await snapshot();
    const [{ latest }] = await t().handle.query<{ latest: number }>(
      'SELECT count(*)::int AS latest FROM diagnoses WHERE is_latest',
    );
    const all = incremental.filter(
      (r) => r.size_class === '*' && r.ksic_section === '*' && r.metric === '_overall',
    ) as { n: number }[];
    expect(all.reduce((s, r) => s + Number(r.n), 0)).toBe(latest);
    await rebuildPeerCounts(t().handle.db);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('eligibility rule hasDiagnosis', () => {
  it('passes for a firm with a recent submitted diagnosis and fails with a reason otherwise', async () => {
    const mgr = await t().loginAs('manager');
    const program = await one<{ id: string }>(`SELECT id FROM programs WHERE code = 'DTC'`);
    const created = await mgr.inject({
      method: 'POST',
      url: '/api/calls',
      payload: {
        programId: program.id,
        year: 2030,
        title: '진단 이력 필요 공고',
        opensAt: '2030-01-01T10:00:00+09:00',
        closesAt: '2030-02-01T18:00:00+09:00',
        capacity: 3,
        eligibility: [{ type: 'hasDiagnosis', withinMonths: 12 }],
        form: [
          {
            key: 's',
            title: { ko: '기본' },
            fields: [{ key: 'a', type: 'shortText', label: { ko: '항목' } }],
          },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const callId = created.json().id;
    const own = await companyId('디지털존');
    const ok = (
      await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/eligibility?companyId=${own}` })
    ).json();
    expect(ok.eligible).toBe(true);
    expect(ok.checks[0]).toMatchObject({ type: 'hasDiagnosis', ok: true });
    // a 2021 demo diagnosis is too old; a firm without any fails too
    const old = await one<{ company_id: string }>(
      `SELECT company_id FROM diagnoses WHERE is_latest AND company_id <> $1 LIMIT 1`,
      [own],
    );
    const no = (
      await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/eligibility?companyId=${old.company_id}` })
    ).json();
    expect(no.eligible).toBe(false);
    expect(no.checks[0].reason.ko).toContain('마지막 진단');
    const none = await one<{ id: string }>(
      `SELECT id FROM companies WHERE id NOT IN (SELECT company_id FROM diagnoses) LIMIT 1`,
    );
    const never = (
      await mgr.inject({ method: 'GET', url: `/api/calls/${callId}/eligibility?companyId=${none.id}` })
    ).json();
    expect(never.checks[0].reason.ko).toContain('먼저 진단');
  });
});
