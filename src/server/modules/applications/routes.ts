import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/validators';
import { sendDownload } from '../../platform/download';
import { BadRequestError } from '../../platform/errors';
import { XLSX_MIME } from '../../platform/files';
import { readMultipart } from '../../platform/multipart';
import { assertCanAny } from '../../platform/policy';
import {
  applicationCreateBody,
  applicationFileSchema,
  applicationListQuery,
  applicationListResponse,
  applicationPatchBody,
  applicationSchema,
  applicationSummarySchema,
  reviewBody,
  submitResponse,
  supplementBody,
} from './contract';
import {
  attachDocument,
  callApplicationsXlsx,
  callDocumentsZip,
  downloadDocument,
  removeDocument,
} from './documents';
import * as drafts from './drafts';
import * as read from './read';
import * as review from './review';
import * as submit from './submit';

const tags = ['applications'];

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const { files: store } = app.deps.config;
  const rules = app.deps.modules.eligibilityRules;
  const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

  app.post(
    '/applications/:id/files',
    {
      schema: {
        tags,
        summary: '서류 첨부 / Attach a document',
        description:
          'multipart: `fieldKey` (양식의 파일 항목 또는 제출서류 키) 다음에 `file`. PDF·이미지·HWP·Office.',
        consumes: ['multipart/form-data'],
        params: uuidParam,
        response: { 201: applicationFileSchema },
      },
    },
    async (request, reply) => {
      assertCanAny(request.actor, 'application.apply');
      if (!request.isMultipart()) throw new BadRequestError('file_required');
      const { upload, fields } = await readMultipart(request);
      const fieldKey = fields.fieldKey;
      if (!upload) throw new BadRequestError('file_required');
      if (!fieldKey) throw new BadRequestError('validation_failed');
      const r = await attachDocument({
        db,
        store,
        actor: request.actor,
        id: request.params.id,
        fieldKey,
        ...upload,
      });
      reply.status(201);
      return r;
    },
  );

  app.delete(
    '/applications/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '첨부 삭제 / Remove a document',
        params: fileParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) =>
      removeDocument({ db, actor: request.actor, id: request.params.id, fileId: request.params.fileId }),
  );

  app.get(
    '/applications/:id/files/:fileId',
    { schema: { tags, summary: '첨부 내려받기 / Download a document', params: fileParams } },
    async (request, reply) => {
      const { file, body } = await downloadDocument({
        db,
        store,
        actor: request.actor,
        id: request.params.id,
        fileId: request.params.fileId,
      });
      return sendDownload(reply, { body, filename: file.originalName, mime: file.mime });
    },
  );

  app.get(
    '/calls/:id/applications/documents.zip',
    {
      schema: {
        tags,
        summary: '제출서류 일괄 내려받기(ZIP, 직원) / All documents as ZIP',
        params: uuidParam,
      },
    },
    async (request, reply) => {
      const { stream, filename } = await callDocumentsZip({
        db,
        store,
        actor: request.actor,
        callId: request.params.id,
      });
      return sendDownload(reply, { body: stream, filename, mime: 'application/zip' });
    },
  );

  app.get(
    '/calls/:id/applications/export.xlsx',
    { schema: { tags, summary: '신청 현황 XLSX(직원) / Applications as XLSX', params: uuidParam } },
    async (request, reply) => {
      const { body, filename } = await callApplicationsXlsx({
        db,
        actor: request.actor,
        callId: request.params.id,
      });
      return sendDownload(reply, { body, filename, mime: XLSX_MIME });
    },
  );

  app.post(
    '/calls/:id/applications',
    {
      schema: {
        tags,
        summary: '신청서 작성 시작(내 기업) / Start an application for my company',
        params: uuidParam,
        body: applicationCreateBody.optional(),
        response: { 200: applicationSchema, 201: applicationSchema },
      },
    },
    async (request, reply) => {
      const r = await drafts.startApplication({
        db,
        actor: request.actor,
        callId: request.params.id,
        companyId: request.body?.companyId,
        rules,
      });
      reply.status(r.created ? 201 : 200);
      return r.application;
    },
  );

  app.get(
    '/calls/:id/applications',
    {
      schema: {
        tags,
        summary: '공고별 신청 현황(직원) / Applications of a call',
        params: uuidParam,
        querystring: applicationListQuery,
        response: { 200: applicationListResponse },
      },
    },
    async (request) =>
      read.listCallApplications({
        db,
        actor: request.actor,
        callId: request.params.id,
        input: request.query,
      }),
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: '신청서 / Application',
        params: uuidParam,
        response: { 200: applicationSchema },
      },
    },
    async (request) => read.getApplication({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: '신청서 저장(자동 저장) / Save answers',
        params: uuidParam,
        body: applicationPatchBody,
        response: { 200: applicationSchema },
      },
    },
    async (request) =>
      drafts.saveAnswers({
        db,
        actor: request.actor,
        id: request.params.id,
        answers: request.body.answers,
        version: request.body.version,
      }),
  );

  app.post(
    '/applications/:id/submit',
    {
      schema: {
        tags,
        summary: '제출 / Submit (deadline by the server clock; Idempotency-Key header supported)',
        params: uuidParam,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough(),
        response: { 200: submitResponse },
      },
    },
    async (request) => {
      const r = await submit.submitApplication({
        db,
        actor: request.actor,
        id: request.params.id,
        idempotencyKey: request.headers['idempotency-key'],
        rules,
      });
      return r.body;
    },
  );

  app.post(
    '/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: '신청 철회 / Withdraw',
        params: uuidParam,
        response: { 200: applicationSchema },
      },
    },
    async (request) => submit.withdrawApplication({ db, actor: request.actor, id: request.params.id }),
  );

  app.post(
    '/applications/:id/supplement',
    {
      schema: {
        tags,
        summary: '보완 요청(직원) / Request a supplement',
        params: uuidParam,
        body: supplementBody,
        response: { 200: applicationSchema },
      },
    },
    async (request) =>
      review.requestSupplement({
        db,
        actor: request.actor,
        id: request.params.id,
        message: request.body.message,
        dueAt: request.body.dueAt,
      }),
  );

  app.post(
    '/applications/:id/review',
    {
      schema: {
        tags,
        summary: '요건 검토: 서류미비·자격미달(직원) / Mark incomplete or ineligible',
        params: uuidParam,
        body: reviewBody,
        response: { 200: applicationSchema },
      },
    },
    async (request) =>
      review.reviewApplication({
        db,
        actor: request.actor,
        id: request.params.id,
        status: request.body.status,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/me/applications',
    {
      schema: {
        tags,
        summary: '내 신청 / My applications',
        response: { 200: z.object({ items: z.array(applicationSummarySchema) }) },
      },
    },
    async (request) => read.myApplications({ db, actor: request.actor }),
  );
};
