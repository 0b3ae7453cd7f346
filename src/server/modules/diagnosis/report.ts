import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertCan, assertCanAny } from '../../platform/policy';
import { writeXlsx } from '../../platform/tabular';
import type { EligibilityRegistry } from '../programs';
import type { AnswerValue, Question } from './contract';
import { recommendFor } from './recommendations';
import { renderReportPdf } from './report-pdf';
import { buildResult } from './result';
import { answerPoints, maxPoints, multiSelection, questionScore } from './scoring';
import { factsOf, submittedForReading } from './service';

/** File name safe for Content-Disposition (RFC 5987 encoding is done by the route). */
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);

export async function diagnosisReportPdf({
  db,
  actor,
  id,
  lang,
  compress,
  rules,
}: {
  db: Database;
  actor: Actor;
  id: string;
  lang: 'ko' | 'en';
  compress?: boolean;
  /** the installed eligibility evaluators (for the recommended open calls) */
  rules: EligibilityRegistry;
}) {
  assertCanAny(actor, 'diagnosis.read');
  const { row, company, version, content } = await submittedForReading(db, actor, id);
  const result = await buildResult(db, row, content);
  const recommendations = await recommendFor(db, actor, row.companyId, factsOf(row), rules);
  const body = await renderReportPdf(
    {
      companyName: company.name,
      submittedAt: row.submittedAt!.toISOString(),
      instrumentTitle: { ko: content.title.ko, en: content.title.en || content.title.ko },
      instrumentVersion: version,
      label: row.seq === null ? null : `T${row.seq}`,
      result,
      recommendations,
    },
    { lang, compress },
  );
  const date = row.submittedAt!.toISOString().slice(0, 10);
  return { body, filename: `DX진단_${fileSafe(company.name)}_${date}.pdf` };
}

/** The answer as text: option labels (planned marked), 0–5, or yes/partly/no in Korean. */
function answerText(q: Question, a: AnswerValue | undefined): string {
  if (a === undefined || a === null) return '';
  const label = (v: string) =>
    q.type === 'single' || q.type === 'multi' ? (q.options.find((o) => o.value === v)?.label.ko ?? v) : v;
  switch (q.type) {
    case 'single':
      return label(a as string);
    case 'scale':
      return String(a);
    case 'yesPartlyNo':
      return (
        ({ yes: '예', partly: '일부', no: '아니오' } as Record<string, string>)[a as string] ?? String(a)
      );
    case 'status':
      return (
        ({ done: '하고 있음', planned: '계획 중', no: '하지 않음' } as Record<string, string>)[a as string] ??
        String(a)
      );
    case 'multi': {
      const sel = multiSelection(a);
      if (!sel) return '';
      return [...sel.done.map(label), ...sel.planned.map((v) => `${label(v)}(예정)`)].join(', ');
    }
  }
}

/** Staff: one row per question with the answer, points and score. */
export async function diagnosisAnswersXlsx({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'diagnosis.manage');
  const { row, company, version, content } = await submittedForReading(db, actor, id);
  const answers = row.answers;
  const scores = row.dimensionScores ?? {};
  const rows = content.dimensions.flatMap((d) =>
    d.questions.map((q) => {
      const s = questionScore(q, answers[q.key]);
      return [
        d.title.ko,
        scores[d.key] ?? null,
        q.key,
        q.text.ko,
        q.required ? '필수' : '선택',
        q.weight,
        answerText(q, answers[q.key]),
        answerPoints(q, answers[q.key]) ?? null,
        maxPoints(q),
        s === undefined ? null : Math.round(s * 1000) / 10,
      ];
    }),
  );
  const headers = [
    '영역',
    '영역 점수',
    '문항 키',
    '문항',
    '필수',
    '가중치',
    '응답',
    '득점',
    '만점',
    '문항 점수(%)',
  ];
  const body = await writeXlsx(`진단 응답 v${version}`, headers, rows);
  const date = row.submittedAt!.toISOString().slice(0, 10);
  return { body, filename: `DX진단응답_${fileSafe(company.name)}_${date}.xlsx` };
}
