import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/validators';
import { sendDownload } from '../../platform/download';
import { XLSX_MIME } from '../../platform/files';
import { pickLang } from '../../platform/messages';
import { analyticsXlsx, diagnosisAnalytics } from './analytics';
import { beforeAfter, beforeAfterXlsx } from './before-after';
import {
  analyticsQuery,
  analyticsResponse,
  answersBody,
  beforeAfterQuery,
  beforeAfterResponse,
  diagnosisSchema,
  diagnosisStartBody,
  instrumentCreateBody,
  instrumentListResponse,
  instrumentSchema,
  instrumentUpdateBody,
  invitationCreateBody,
  invitationCreateResponse,
  invitationListQuery,
  invitationListResponse,
  recommendationResponse,
  reportQuery,
  ruleCreateBody,
  ruleListResponse,
  rulePatchBody,
  ruleSchema,
  timelineResponse,
} from './contract';
import * as instruments from './instruments';
import { createInvitations, listInvitations } from './invitations';
import { createRule, deleteRule, listRules, patchRule } from './recommendations';
import { diagnosisAnswersXlsx, diagnosisReportPdf } from './report';
import * as svc from './service';

const tags = ['diagnosis'];

/** `?format=xlsx` of a JSON route: the workbook as a download named DX진단_<what>_<date>.xlsx. */
async function xlsxDownload(reply: FastifyReply, what: string, make: () => Promise<Buffer>) {
  const filename = `DX진단_${what}_${new Date().toISOString().slice(0, 10)}.xlsx`;
  // a Buffer skips the JSON serializer, hence the cast
  return sendDownload(reply, { body: await make(), filename, mime: XLSX_MIME }) as never;
}
const ok = z.object({ ok: z.literal(true) });

export const diagnosisRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const rules = app.deps.modules.eligibilityRules;

  // Instruments (진단 도구) -----------------------------------------------------------------------------

  app.get(
    '/diagnosis/instruments/current',
    {
      schema: {
        tags,
        summary: '현재 진단 도구(공개) / Current instrument (public)',
        response: { 200: instrumentSchema },
      },
    },
    async () => instruments.getCurrentInstrument({ db }),
  );

  app.get(
    '/diagnosis/instruments',
    {
      schema: {
        tags,
        summary: '진단 도구 버전 목록(직원) / Instrument versions',
        response: { 200: instrumentListResponse },
      },
    },
    async (request) => instruments.listInstruments({ db, actor: request.actor }),
  );

  app.post(
    '/diagnosis/instruments',
    {
      schema: {
        tags,
        summary: '새 버전 초안 만들기(직원) / Draft a new version',
        description: '`{ from: "latest" | "default" }` 또는 `{ content }`. 초안이 이미 있으면 그 초안(200).',
        body: instrumentCreateBody.nullish(),
        response: { 200: instrumentSchema, 201: instrumentSchema },
      },
    },
    async (request, reply) => {
      const r = await instruments.createInstrumentDraft({
        db,
        actor: request.actor,
        input: request.body ?? { from: 'latest' },
      });
      reply.status(r.created ? 201 : 200);
      return r.instrument;
    },
  );

  app.get(
    '/diagnosis/instruments/:id',
    {
      schema: {
        tags,
        summary: '진단 도구 버전(직원) / Instrument version',
        params: uuidParam,
        response: { 200: instrumentSchema },
      },
    },
    async (request) => instruments.getInstrument({ db, actor: request.actor, id: request.params.id }),
  );

  app.put(
    '/diagnosis/instruments/:id',
    {
      schema: {
        tags,
        summary: '초안 수정(게시된 버전은 409) / Edit a draft',
        params: uuidParam,
        body: instrumentUpdateBody,
        response: { 200: instrumentSchema },
      },
    },
    async (request) =>
      instruments.updateInstrumentDraft({
        db,
        actor: request.actor,
        id: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/diagnosis/instruments/:id/publish',
    {
      schema: {
        tags,
        summary: '초안 게시 / Publish a draft',
        params: uuidParam,
        response: { 200: instrumentSchema },
      },
    },
    async (request) => instruments.publishInstrument({ db, actor: request.actor, id: request.params.id }),
  );

  app.delete(
    '/diagnosis/instruments/:id',
    { schema: { tags, summary: '초안 삭제 / Discard a draft', params: uuidParam, response: { 200: ok } } },
    async (request) => instruments.deleteInstrumentDraft({ db, actor: request.actor, id: request.params.id }),
  );

  // Recommendation rules ---------------------------------------------------------------------------------

  app.get(
    '/diagnosis/recommendation-rules',
    {
      schema: {
        tags,
        summary: '추천 규칙(직원) / Recommendation rules',
        response: { 200: ruleListResponse },
      },
    },
    async (request) => listRules({ db, actor: request.actor }),
  );

  app.post(
    '/diagnosis/recommendation-rules',
    {
      schema: {
        tags,
        summary: '추천 규칙 추가 / Add a rule',
        body: ruleCreateBody,
        response: { 201: ruleSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createRule({ db, actor: request.actor, input: request.body });
    },
  );

  app.patch(
    '/diagnosis/recommendation-rules/:id',
    {
      schema: {
        tags,
        summary: '추천 규칙 수정 / Edit a rule',
        params: uuidParam,
        body: rulePatchBody,
        response: { 200: ruleSchema },
      },
    },
    async (request) => patchRule({ db, actor: request.actor, id: request.params.id, input: request.body }),
  );

  app.delete(
    '/diagnosis/recommendation-rules/:id',
    { schema: { tags, summary: '추천 규칙 삭제 / Delete a rule', params: uuidParam, response: { 200: ok } } },
    async (request) => deleteRule({ db, actor: request.actor, id: request.params.id }),
  );

  // Diagnoses (진단) -------------------------------------------------------------------------------------

  app.post(
    '/companies/:id/diagnoses',
    {
      schema: {
        tags,
        summary: '진단 시작(작성 중인 진단이 있으면 이어서) / Start or resume a diagnosis',
        params: uuidParam,
        body: diagnosisStartBody.nullish(),
        response: { 200: diagnosisSchema, 201: diagnosisSchema },
      },
    },
    async (request, reply) => {
      const r = await svc.startDiagnosis({
        db,
        actor: request.actor,
        companyId: request.params.id,
        invitationToken: request.body?.invitationToken,
      });
      reply.status(r.created ? 201 : 200);
      return r.diagnosis;
    },
  );

  app.get(
    '/companies/:id/diagnoses',
    {
      schema: {
        tags,
        summary: '기업의 진단 이력(T0, T1, …) / Diagnosis timeline of a company',
        params: uuidParam,
        response: { 200: timelineResponse },
      },
    },
    async (request) => svc.companyTimeline({ db, actor: request.actor, companyId: request.params.id }),
  );

  app.get(
    '/diagnoses/:id',
    {
      schema: {
        tags,
        summary: '진단(결과 포함) / Diagnosis',
        params: uuidParam,
        response: { 200: diagnosisSchema },
      },
    },
    async (request) => svc.getDiagnosis({ db, actor: request.actor, id: request.params.id }),
  );

  app.put(
    '/diagnoses/:id/answers',
    {
      schema: {
        tags,
        summary: '응답 자동 저장(부분 병합) / Autosave answers',
        params: uuidParam,
        body: answersBody,
        response: { 200: diagnosisSchema },
      },
    },
    async (request) =>
      svc.saveAnswers({ db, actor: request.actor, id: request.params.id, answers: request.body.answers }),
  );

  app.post(
    '/diagnoses/:id/submit',
    {
      schema: {
        tags,
        summary: '진단 제출: 점수·단계·동종 비교 / Submit: scores, stage, peer percentiles',
        params: uuidParam,
        response: { 200: diagnosisSchema },
      },
    },
    async (request) => svc.submitDiagnosis({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/diagnoses/:id/recommendations',
    {
      schema: {
        tags,
        summary: '추천 지원사업(지금 신청 가능한 공고) / Recommended programs with open calls',
        params: uuidParam,
        response: { 200: recommendationResponse },
      },
    },
    async (request) => svc.getRecommendations({ db, actor: request.actor, id: request.params.id, rules }),
  );

  app.get(
    '/diagnoses/:id/report.pdf',
    {
      schema: {
        tags,
        summary: '진단 결과 보고서 PDF / Report as PDF',
        params: uuidParam,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const { body, filename } = await diagnosisReportPdf({
        db,
        actor: request.actor,
        id: request.params.id,
        lang: request.query.lang ?? pickLang(request.headers['accept-language']),
        rules,
      });
      return sendDownload(reply, { body, filename, mime: 'application/pdf' });
    },
  );

  app.get(
    '/diagnoses/:id/answers.xlsx',
    { schema: { tags, summary: '진단 응답 XLSX(직원) / Answers as XLSX', params: uuidParam } },
    async (request, reply) => {
      const { body, filename } = await diagnosisAnswersXlsx({
        db,
        actor: request.actor,
        id: request.params.id,
      });
      return sendDownload(reply, { body, filename, mime: XLSX_MIME });
    },
  );

  // Invitations and analytics ----------------------------------------------------------------------------

  app.post(
    '/diagnosis/invitations',
    {
      schema: {
        tags,
        summary: '진단 초대(링크·이메일) / Invite firms to the diagnosis',
        body: invitationCreateBody,
        response: { 201: invitationCreateResponse },
      },
    },
    async (request, reply) => {
      const r = await createInvitations({
        db,
        actor: request.actor,
        input: request.body,
        origin: app.deps.config.publicUrl,
        dailyCap: app.deps.config.partnerInvitesPerDay,
      });
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/diagnosis/invitations',
    {
      schema: {
        tags,
        summary: '진단 초대 현황(협단체는 자기 초대만, 집계만) / Invitations and their progress',
        querystring: invitationListQuery,
        response: { 200: invitationListResponse },
      },
    },
    async (request) => listInvitations({ db, actor: request.actor, input: request.query }),
  );

  app.get(
    '/diagnosis/analytics',
    {
      schema: {
        tags,
        summary: '진단 통계(집계만, ?format=xlsx) / Diagnosis analytics (aggregates)',
        querystring: analyticsQuery,
        response: { 200: analyticsResponse },
      },
    },
    async (request, reply) => {
      const a = await diagnosisAnalytics({ db, actor: request.actor, input: request.query });
      return request.query.format === 'xlsx' ? xlsxDownload(reply, '통계', () => analyticsXlsx(a)) : a;
    },
  );

  app.get(
    '/diagnosis/before-after',
    {
      schema: {
        tags,
        summary: '지원 전후 비교(선정 기업의 T0 → 최근 재진단, ?format=xlsx) / Before and after support',
        querystring: beforeAfterQuery,
        response: { 200: beforeAfterResponse },
      },
    },
    async (request, reply) => {
      const data = await beforeAfter({ db, actor: request.actor, input: request.query });
      return request.query.format === 'xlsx'
        ? xlsxDownload(reply, '지원전후', () => beforeAfterXlsx(db, data))
        : data;
    },
  );
};
