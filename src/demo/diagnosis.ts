import { sql } from 'drizzle-orm';
import { type DbHandle, sqlRows } from '../server/db/client';
import type { DiagnosisAnswers, InstrumentContent, Question } from '../server/modules/diagnosis/contract';
import { DEFAULT_INSTRUMENT } from '../server/modules/diagnosis/default-instrument';
import { installDefaults } from '../server/modules/diagnosis/instruments';
import { rebuildPeerCounts } from '../server/modules/diagnosis/peers';
import { maxPoints, scoreDiagnosis } from '../server/modules/diagnosis/scoring';
import { systemActor } from '../server/platform/actor';
import { ksicSectionOf } from '../shared/ksic';
import { type Rng, rng } from './random';

/**
 * The demo's DX diagnoses: the default instrument (published March 2021) and recommendation rules;
 * T0 diagnoses of the firms named in the seed, of the 2021 applicants and of a random share of the
 * generated firms (≈ 3,000 of 20,000; mean near KBIZ's 41.9/100, smaller firms and service firms a
 * little lower), and T1 re-assessments a year later, with plausible gains, for the firms selected in
 * the 2021 DX consulting (DXC) and AI business-innovation (AIX) calls. Deterministic; loaded with COPY.
 */
const KST = (s: string) => new Date(`${s}+09:00`);
const DAY = 86_400_000;

/** Mean latent maturity by size class (KBIZ 2021: the smaller the firm, the lower). */
const SIZE_BASE: Record<string, number> = { small: 38.8, medium: 45.3, midsize: 51.3, large: 56.3 };
/** By KSIC section: ICT and manufacturing a little higher than services (KBIZ 2021). */
const SECTION_ADJ: Record<string, number> = { J: 5, C: 1.5, G: -3 };
const SERVICE_ADJ = -3.5;
/** Typical profile: infrastructure ahead, automation/AI behind. */
const DIM_OFFSET: Record<string, number> = {
  strategy: 3,
  readiness: 9,
  people: -1,
  data: -2,
  ai: -14,
  greenSecure: 5,
};

function normal(r: Rng, sd = 1) {
  const u = Math.max(1e-9, r.next());
  const v = r.next();
  return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const clamp = (x: number, lo = 0, hi = 1) => Math.max(lo, Math.min(hi, x));

/** An answer whose score is near `t` (0–1), with noise. */
function answerFor(q: Question, t: number, r: Rng) {
  const v = clamp(t + normal(r, 0.14));
  switch (q.type) {
    case 'single': {
      const max = maxPoints(q);
      let best = q.options[0];
      for (const o of q.options) if (Math.abs(o.points / max - v) < Math.abs(best.points / max - v)) best = o;
      return best.value;
    }
    case 'scale':
      return Math.round(v * 5);
    case 'yesPartlyNo':
      return v < 0.3 ? 'no' : v < 0.68 ? 'partly' : 'yes';
    case 'status':
      return v < 0.3 ? 'no' : v < 0.68 ? 'planned' : 'done';
    case 'multi': {
      const done: string[] = [];
      const planned: string[] = [];
      for (const o of q.options) {
        if (o.exclusive) continue;
        const u = r.next();
        if (u < v) done.push(o.value);
        else if (q.allowPlanned && u < v + 0.3 * (1 - v)) planned.push(o.value);
      }
      if (done.length + planned.length === 0)
        return { done: [q.options.find((o) => o.exclusive)?.value ?? q.options[0].value], planned: [] };
      return { done, planned };
    }
  }
}

/** A firm's own strengths and weaknesses: a shift per dimension, kept between T0 and T1. */
export function demoProfile(content: InstrumentContent, r: Rng): Record<string, number> {
  return Object.fromEntries(content.dimensions.map((d) => [d.key, (DIM_OFFSET[d.key] ?? 0) + normal(r, 7)]));
}

/** Answers for a firm whose latent maturity is `level` (0–100), with per-dimension shifts. */
export function demoAnswers(
  content: InstrumentContent,
  level: number,
  r: Rng,
  profile: Record<string, number>,
  shift: Record<string, number> = {},
): DiagnosisAnswers {
  const answers: DiagnosisAnswers = {};
  for (const d of content.dimensions) {
    const dimLevel = level + (profile[d.key] ?? 0) + (shift[d.key] ?? 0) + normal(r, 2);
    for (const q of d.questions) {
      if (!q.required && r.next() < 0.25) continue;
      answers[q.key] = answerFor(q, clamp(dimLevel / 100), r) as DiagnosisAnswers[string];
    }
  }
  return answers;
}

interface Firm {
  id: string;
  brn: string;
  size_class: string | null;
  ksic_code: string | null;
  district: string | null;
}

function baseLevel(f: Firm) {
  const section = f.ksic_code ? ksicSectionOf(f.ksic_code) : undefined;
  const adj = section ? (SECTION_ADJ[section] ?? (section >= 'G' ? SERVICE_ADJ : 0)) : 0;
  return (SIZE_BASE[f.size_class ?? 'small'] ?? 40) + adj;
}

const csvText = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);

export async function loadDemoDiagnoses(
  handle: DbHandle,
  opts: { seedBrns: string[]; generatedFirms: number; target?: number },
) {
  const db = handle.db;
  const published = KST('2021-03-02T09:00:00');
  await installDefaults(db, systemActor('demo'), published);
  const [instrument] = await sqlRows<{ id: string; content: InstrumentContent }>(
    db,
    sql`SELECT id, content FROM diagnosis_instruments WHERE status = 'published' ORDER BY version LIMIT 1`,
  );
  const content = instrument?.content ?? DEFAULT_INSTRUMENT;

  const firms = await sqlRows<Firm>(
    db,
    sql`SELECT id, brn, size_class::text AS size_class, ksic_code, district FROM companies
        WHERE merged_into_id IS NULL ORDER BY brn`,
  );
  const applicants = await sqlRows<{
    company_id: string;
    code: string;
    status: string;
    opens_at: Date | string;
  }>(
    db,
    sql`SELECT a.company_id, p.code, a.status::text AS status, c.opens_at FROM applications a
        JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id
        WHERE c.year = 2021 AND a.status <> 'draft'`,
  );
  const seeds = new Set(opts.seedBrns);
  const applied = new Map<string, { opens: number; code: string }>();
  for (const a of applicants)
    applied.set(a.company_id, { opens: new Date(a.opens_at).getTime(), code: a.code });
  /** firms supported in 2021: selected in the DXC or AIX call */
  const supported = new Map(
    applicants
      .filter((a) => a.status === 'selected' && ['DXC', 'AIX'].includes(a.code))
      .map((a) => [a.company_id, a.code]),
  );

  const r = rng(20211);
  const target = opts.target ?? Math.min(3000, Math.round(opts.generatedFirms * 0.15));
  const generated = firms.filter((f) => !seeds.has(f.brn) && !applied.has(f.id) && !f.brn.startsWith('9'));
  const share = generated.length ? Math.max(0, target - applied.size) / generated.length : 0;
  const chosen = firms.filter(
    (f) => seeds.has(f.brn) || applied.has(f.id) || (!f.brn.startsWith('9') && r.next() < share),
  );

  const from = KST('2021-03-02T10:00:00').getTime();
  const to = KST('2021-12-20T18:00:00').getTime();
  const lines: string[] = [];
  const sums = { n: 0, total: 0 };
  const row = (
    f: Firm,
    answers: DiagnosisAnswers,
    seq: number,
    latest: boolean,
    submitted: number,
    r2: Rng,
  ) => {
    const s = scoreDiagnosis(content, answers);
    sums.n++;
    if (seq === 0) sums.total += s.overall;
    const started = new Date(submitted - r2.int(8, 40) * 60_000).toISOString();
    const at = new Date(submitted).toISOString();
    lines.push(
      [
        f.id,
        instrument.id,
        'submitted',
        csvText(JSON.stringify(answers)),
        seq,
        latest,
        s.overall,
        s.stage,
        csvText(JSON.stringify(s.dimensions)),
        f.size_class ?? '',
        f.ksic_code ? (ksicSectionOf(f.ksic_code) ?? '') : '',
        f.district ?? '',
        started,
        at,
        at,
      ].join(','),
    );
  };
  for (const f of chosen) {
    const fr = rng(7_000_003 + Number.parseInt(f.brn.slice(0, 9), 10));
    const app = applied.get(f.id);
    const code = supported.get(f.id);
    // Firms chosen for support in 2021 were early-stage (DXC) or ready to execute with data (AIX).
    let level = baseLevel(f) + normal(fr, 12);
    if (code === 'DXC') level = 24 + fr.int(0, 8);
    if (code === 'AIX') level = 42 + fr.int(0, 8);
    const shift: Record<string, number> = code === 'AIX' ? { data: 14, ai: 4 } : {};
    const t0 = app
      ? app.opens - fr.int(3, 20) * DAY - fr.int(0, 8) * 3600_000
      : from + fr.next() * (to - from);
    const profile = demoProfile(content, fr);
    row(f, demoAnswers(content, level, fr, profile, shift), 0, !code, t0, fr);
    if (code) {
      // A year after the support: general gains, larger in the areas the program worked on.
      const gain = 8 + fr.int(0, 8);
      const focus =
        code === 'DXC'
          ? { ...shift, strategy: 10, people: 6, readiness: 4 }
          : { ...shift, data: shift.data + 4, ai: shift.ai + 16 };
      row(
        f,
        demoAnswers(content, level + gain, fr, profile, focus),
        1,
        true,
        t0 + (365 + fr.int(0, 45)) * DAY,
        fr,
      );
    }
  }
  await handle.copyCsv(
    'diagnoses',
    [
      'company_id',
      'instrument_id',
      'status',
      'answers',
      'seq',
      'is_latest',
      'overall',
      'stage',
      'dimension_scores',
      'size_class',
      'ksic_section',
      'district',
      'started_at',
      'updated_at',
      'submitted_at',
    ],
    lines.join('\n'),
  );

  await rebuildPeerCounts(db);

  // 하이서울기업협회 invited member firms in March 2021; some took the diagnosis afterwards.
  const sent = KST('2021-03-10T10:00:00');
  for (const [diagnosed, limit] of [
    [true, 120],
    [false, 180],
  ] as const) {
    await db.execute(sql`
      INSERT INTO diagnosis_invitations (token_hash, company_id, email, association_id, invited_by, sent_at, diagnosis_id, started_at, submitted_at)
      SELECT md5(c.id::text || 'demo-invitation'), c.id, c.email, a.id, u.id, ${sent}, d.id, d.started_at, d.submitted_at
      FROM companies c
      JOIN company_associations ca ON ca.company_id = c.id
      JOIN associations a ON a.id = ca.association_id AND a.name = '하이서울기업협회'
      CROSS JOIN (SELECT id FROM users WHERE email = 'partner@demo.itda.kr') u
      LEFT JOIN diagnoses d ON d.company_id = c.id AND d.seq = 0 AND d.started_at > ${sent}
      WHERE (d.id IS NOT NULL) = ${diagnosed} AND c.brn NOT LIKE '9%'
      ORDER BY md5(c.id::text) LIMIT ${limit}
      ON CONFLICT DO NOTHING`);
  }
  await db.execute(sql`
    INSERT INTO audit_log (action, entity_type, actor_role, after)
    VALUES ('demo.diagnoses', 'system', 'system', ${JSON.stringify({ diagnoses: sums.n, firms: chosen.length })}::jsonb)`);
  return { diagnoses: sums.n, firms: chosen.length, meanT0: chosen.length ? sums.total / chosen.length : 0 };
}
