import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/validators';
import { sendDownload } from '../../platform/download';
import { BadRequestError } from '../../platform/errors';
import { readMultipart } from '../../platform/multipart';
import { assertCan } from '../../platform/policy';
import {
  attachClaimDocument,
  claimCompany,
  claimDocument,
  decideClaim,
  listClaims,
  myClaims,
  withdrawClaim,
} from './claims';
import {
  claimBody,
  claimDecisionBody,
  claimListQuery,
  claimListResponse,
  claimSchema,
  companyCreateBody,
  companyListQuery,
  companyListResponse,
  companyPatchBody,
  companySchema,
  duplicatePairsResponse,
  duplicatesResponse,
  exportQuery,
  historyResponse,
  membersResponse,
  mergeBody,
  myClaimSchema,
  myClaimsResponse,
} from './contract';
import { duplicatePairs, findDuplicates, mergeCompanies } from './dedup';
import { exportCompanies } from './export';
import { approveMember, companyHistory, listMembers, myCompanies } from './members';
import * as svc from './service';

const tags = ['companies'];

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const store = app.deps.config.files;

  app.get(
    '/companies',
    {
      schema: {
        tags,
        summary: '기업 검색·목록 / Search companies',
        querystring: companyListQuery,
        response: { 200: companyListResponse },
      },
    },
    async (request) => svc.listCompanies({ db, actor: request.actor, input: request.query }),
  );

  app.post(
    '/companies',
    {
      schema: {
        tags,
        summary: '기업 등록(직원) / Add company',
        body: companyCreateBody,
        response: { 201: companySchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return svc.createCompany({ db, actor: request.actor, input: request.body });
    },
  );

  app.get(
    '/companies/export',
    {
      schema: {
        tags,
        summary: '기업 목록 내려받기(XLSX/CSV) / Export companies',
        description:
          '개인정보(대표자·전화·이메일)는 마스킹됩니다. unmask=true 는 직원만, 사유(reason) 필수, 접속기록에 남습니다.',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportCompanies({
        db,
        source: app.deps.handle,
        actor: request.actor,
        input: request.query,
      });
      return sendDownload(reply, file);
    },
  );

  app.get(
    '/companies/duplicates',
    {
      schema: {
        tags,
        summary: '중복 의심 기업 쌍 / Near-duplicate pairs',
        response: { 200: duplicatePairsResponse },
      },
    },
    async (request) => duplicatePairs({ db, actor: request.actor }),
  );

  app.get(
    '/companies/:id',
    { schema: { tags, summary: '기업 상세 / Company', params: uuidParam, response: { 200: companySchema } } },
    async (request) => svc.getCompany({ db, actor: request.actor, id: request.params.id }),
  );

  app.patch(
    '/companies/:id',
    {
      schema: {
        tags,
        summary: '기업 정보 수정 / Edit company',
        params: uuidParam,
        body: companyPatchBody,
        response: { 200: companySchema },
      },
    },
    async (request) =>
      svc.updateCompany({ db, actor: request.actor, id: request.params.id, input: request.body }),
  );

  app.get(
    '/companies/:id/duplicates',
    {
      schema: {
        tags,
        summary: '중복 의심 기업 / Possible duplicates',
        params: uuidParam,
        response: { 200: duplicatesResponse },
      },
    },
    async (request) => findDuplicates({ db, actor: request.actor, id: request.params.id }),
  );

  app.post(
    '/companies/:id/merge',
    {
      schema: {
        tags,
        summary: '기업 병합 / Merge another record into this company',
        params: uuidParam,
        body: mergeBody,
        response: { 200: z.object({ id: z.uuid(), fromId: z.uuid(), name: z.string() }) },
      },
    },
    async (request) =>
      mergeCompanies({
        db,
        actor: request.actor,
        id: request.params.id,
        fromId: request.body.fromId,
        reason: request.body.reason,
        hooks: app.deps.modules.companyMergeHooks,
      }),
  );

  app.get(
    '/companies/:id/history',
    {
      schema: { tags, summary: '변경 이력 / History', params: uuidParam, response: { 200: historyResponse } },
    },
    async (request) => companyHistory({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/companies/:id/members',
    {
      schema: {
        tags,
        summary: '기업 구성원 / Members',
        params: uuidParam,
        response: { 200: membersResponse },
      },
    },
    async (request) => listMembers({ db, actor: request.actor, id: request.params.id }),
  );

  app.post(
    '/companies/:id/members/:userId/approve',
    {
      schema: {
        tags,
        summary: '구성원 가입 승인 / Approve a member',
        params: z.object({ id: z.uuid(), userId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) =>
      approveMember({ db, actor: request.actor, id: request.params.id, userId: request.params.userId }),
  );

  app.get(
    '/me/companies',
    {
      schema: {
        tags,
        summary: '내 기업 / My companies',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                membership: z.object({
                  role: z.enum(['owner', 'member']),
                  status: z.enum(['active', 'pending']),
                }),
                company: companySchema,
              }),
            ),
          }),
        },
      },
    },
    async (request) => myCompanies({ db, actor: request.actor }),
  );

  app.post(
    '/me/companies',
    {
      schema: {
        tags,
        summary: '내 기업 등록 / Register my company',
        body: companyCreateBody,
        response: { 201: companySchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return svc.registerOwnCompany({ db, actor: request.actor, input: request.body });
    },
  );

  app.post(
    '/me/companies/claim',
    {
      schema: {
        tags,
        summary: '사업자등록번호로 등록된 기업 연결 요청 / Ask to join a registered company',
        description:
          '확인(직원 검토·사업자등록증·기업 대표의 승인·기업 등록 이메일로 받은 초대) 전까지는 대기 상태이며 기업 정보를 볼 수 없습니다.',
        body: claimBody,
        response: { 201: myClaimSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return claimCompany({ db, actor: request.actor, input: request.body });
    },
  );

  app.get(
    '/me/claims',
    {
      schema: { tags, summary: '내 기업 연결 요청 / My company claims', response: { 200: myClaimsResponse } },
    },
    async (request) => myClaims({ db, actor: request.actor }),
  );

  app.post(
    '/me/claims/:id/withdraw',
    {
      schema: {
        tags,
        summary: '연결 요청 철회 / Withdraw a claim',
        params: uuidParam,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => withdrawClaim({ db, actor: request.actor, id: request.params.id }),
  );

  app.post(
    '/me/claims/:id/document',
    {
      schema: {
        tags,
        summary: '사업자등록증 올리기(PDF·이미지) / Attach a business registration certificate',
        description: 'multipart/form-data, 파일 필드 `file` (PDF, PNG, JPEG; 내용으로 판별, 10MB 이하).',
        params: uuidParam,
        response: { 201: myClaimSchema },
      },
    },
    async (request, reply) => {
      assertCan(request.actor, 'company.register');
      if (!request.isMultipart()) throw new BadRequestError('file_required');
      const { upload } = await readMultipart(request);
      if (!upload) throw new BadRequestError('file_required');
      const r = await attachClaimDocument({
        db,
        store,
        actor: request.actor,
        id: request.params.id,
        ...upload,
      });
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/claims',
    {
      schema: {
        tags,
        summary: '기업 연결 요청 목록(직원·기업 대표) / Company claims to decide',
        querystring: claimListQuery,
        response: { 200: claimListResponse },
      },
    },
    async (request) => listClaims({ db, actor: request.actor, input: request.query }),
  );

  app.post(
    '/claims/:id/decision',
    {
      schema: {
        tags,
        summary: '기업 연결 요청 승인·반려 / Approve or reject a claim',
        params: uuidParam,
        body: claimDecisionBody,
        response: { 200: claimSchema },
      },
    },
    async (request) => decideClaim({ db, actor: request.actor, id: request.params.id, input: request.body }),
  );

  app.get(
    '/claims/:id/document',
    { schema: { tags, summary: '연결 요청 증빙 내려받기 / Claim evidence', params: uuidParam } },
    async (request, reply) => {
      const { file, buffer } = await claimDocument({
        db,
        store,
        actor: request.actor,
        id: request.params.id,
      });
      return sendDownload(reply, { body: buffer, filename: file.originalName, mime: file.mime });
    },
  );
};
