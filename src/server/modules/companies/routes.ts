import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/validators';
import { sendDownload } from '../../platform/download';
import {
  claimBody,
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
} from './contract';
import { duplicatePairs, findDuplicates, mergeCompanies } from './dedup';
import { exportCompanies } from './export';
import { approveMember, companyHistory, listMembers, myCompanies } from './members';
import * as svc from './service';

const tags = ['companies'];

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;

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
      const file = await exportCompanies({ db, actor: request.actor, input: request.query });
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
        summary: '사업자등록번호로 기업 찾아 연결 / Claim a registered company',
        body: claimBody,
        response: {
          200: z.object({
            companyId: z.uuid(),
            name: z.string(),
            role: z.enum(['owner', 'member']),
            status: z.enum(['active', 'pending']),
          }),
        },
      },
    },
    async (request) => svc.claimCompany({ db, actor: request.actor, brn: request.body.brn }),
  );
};
