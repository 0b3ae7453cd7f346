import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/validators';
import { sendDownload } from '../../platform/download';
import { BadRequestError } from '../../platform/errors';
import { readMultipart } from '../../platform/multipart';
import { assertCan } from '../../platform/policy';
import { downloadCallAttachment, uploadCallAttachment } from './attachments';
import {
  callAttachmentParams,
  callAttachmentSchema,
  callCreateBody,
  callListQuery,
  callListResponse,
  callPatchBody,
  callSchema,
  callTransitionBody,
  programBody,
  programListQuery,
  programListResponse,
  programPatchBody,
  programSchema,
} from './contract';
import { eligibilityResult } from './eligibility-contract';
import * as svc from './service';

const tags = ['programs'];

export const programRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const { files: store } = app.deps.config;
  const rules = app.deps.modules.eligibilityRules;

  app.get(
    '/programs',
    {
      schema: {
        tags,
        summary: '사업 목록 / Programs',
        querystring: programListQuery,
        response: { 200: programListResponse },
      },
    },
    async (request) => svc.listPrograms({ db, module: request.query.module }),
  );

  app.post(
    '/programs',
    {
      schema: {
        tags,
        summary: '사업 등록 / Create a program',
        body: programBody,
        response: { 201: programSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return svc.createProgram({ db, actor: request.actor, input: request.body });
    },
  );

  app.patch(
    '/programs/:id',
    {
      schema: {
        tags,
        summary: '사업 수정(예산 포함) / Edit a program',
        params: uuidParam,
        body: programPatchBody,
        response: { 200: programSchema },
      },
    },
    async (request) =>
      svc.patchProgram({ db, actor: request.actor, id: request.params.id, input: request.body }),
  );

  app.get(
    '/calls',
    {
      schema: {
        tags,
        summary: '공고 목록 / Calls',
        querystring: callListQuery,
        response: { 200: callListResponse },
      },
    },
    async (request) => svc.listCalls({ db, actor: request.actor, input: request.query, rules }),
  );

  app.post(
    '/calls',
    {
      schema: {
        tags,
        summary: '공고 등록 / Create a call',
        body: callCreateBody,
        response: { 201: callSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return svc.createCall({ db, actor: request.actor, input: request.body });
    },
  );

  app.get(
    '/calls/:id',
    { schema: { tags, summary: '공고 상세 / Call', params: uuidParam, response: { 200: callSchema } } },
    async (request) => svc.getCall({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/calls/:id',
    {
      schema: {
        tags,
        summary: '공고 수정(양식은 신청서가 있으면 새 버전) / Edit a call',
        params: uuidParam,
        body: callPatchBody,
        response: { 200: callSchema },
      },
    },
    async (request) =>
      svc.patchCall({ db, actor: request.actor, id: request.params.id, input: request.body }),
  );

  app.post(
    '/calls/:id/transition',
    {
      schema: {
        tags,
        summary: '공고 상태 변경 / Move a call through its lifecycle',
        params: uuidParam,
        body: callTransitionBody,
        response: { 200: callSchema },
      },
    },
    async (request) =>
      svc.transitionCall({
        db,
        actor: request.actor,
        id: request.params.id,
        to: request.body.to,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/calls/:id/eligibility',
    {
      schema: {
        tags,
        summary: '신청자격 확인 / Eligibility of a company',
        params: uuidParam,
        querystring: z.object({ companyId: z.uuid() }),
        response: { 200: eligibilityResult },
      },
    },
    async (request) =>
      svc.checkEligibility({
        db,
        actor: request.actor,
        callId: request.params.id,
        companyId: request.query.companyId,
        rules,
      }),
  );

  app.post(
    '/calls/attachments',
    {
      schema: {
        tags,
        summary: '공고 첨부파일 올리기(직원) / Upload a call attachment',
        description:
          'multipart: `file`. PDF·HWP·HWPX·DOCX·XLSX·ZIP·이미지, 30 MB 이하. 돌려받은 id를 공고의 attachmentIds에 넣습니다.',
        consumes: ['multipart/form-data'],
        response: { 201: callAttachmentSchema },
      },
    },
    async (request, reply) => {
      assertCan(request.actor, 'call.manage');
      if (!request.isMultipart()) throw new BadRequestError('file_required');
      const { upload } = await readMultipart(request);
      if (!upload) throw new BadRequestError('file_required');
      const r = await uploadCallAttachment({ db, store, actor: request.actor, ...upload });
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/calls/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: '공고 첨부파일 내려받기 / Download a call attachment',
        params: callAttachmentParams,
      },
    },
    async (request, reply) => {
      const { file, body } = await downloadCallAttachment({
        db,
        store,
        actor: request.actor,
        id: request.params.id,
        fileId: request.params.fileId,
      });
      return sendDownload(reply, { body, filename: file.originalName, mime: file.mime });
    },
  );
};
