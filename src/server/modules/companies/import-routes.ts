import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, BadRequestError } from '../../platform/errors';
import { pickLang } from '../../platform/messages';
import { readMultipart } from '../../platform/multipart';
import { assertCan } from '../../platform/policy';
import { importCompanies, uploadImportFile } from './import';
import {
  type ImportMapping,
  importBody,
  importErrorResponse,
  importMapping,
  importQuery,
  importResponse,
  importUploadResponse,
  linkRequestListQuery,
  linkRequestListResponse,
  linkRequestRejectBody,
  linkRequestSchema,
} from './import-contract';
import { decideLinkRequest, listLinkRequests } from './link-requests';

const tags = ['companies'];

function invalid(path: string): AppError {
  return new AppError(400, 'validation_failed', {}, [{ path, message: 'invalid_value' }]);
}

/** The `mapping` form field: a JSON object (field → column header). */
function parseMappingField(value: unknown): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(String(value));
  } catch {
    throw new BadRequestError('invalid_json');
  }
  const parsed = importMapping.safeParse(json);
  if (!parsed.success) throw invalid('mapping');
  return parsed.data;
}

/** A member-list upload: the `file` part and the optional `mapping` field. */
async function readImportParts(request: FastifyRequest) {
  const { upload, fields } = await readMultipart(request);
  const mapping = fields.mapping?.trim() ? parseMappingField(fields.mapping) : undefined;
  return { upload, mapping };
}

export const companyImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, jobs, config } = app.deps;

  app.post(
    '/companies/import/upload',
    {
      schema: {
        tags,
        summary: '회원사 명단 올리기(열 연결 준비) / Upload a member list for import',
        description:
          'multipart `file`(CSV: UTF-8·CP949, 또는 XLSX). 머리글, 행 수, 앞 5행, 추천 열 연결을 돌려줍니다. ' +
          '/ Returns headers, row count, the first 5 rows and a suggested column mapping.',
        consumes: ['multipart/form-data'],
        response: { 200: importUploadResponse },
      },
    },
    async (request) => {
      // Checked before the body is read, so an anonymous caller cannot make the server buffer a file.
      assertCan(request.actor, 'company.import');
      const { upload } = request.isMultipart() ? await readImportParts(request) : { upload: undefined };
      if (!upload) throw new BadRequestError('file_required');
      return uploadImportFile({ db: handle.db, actor: request.actor, store: config.files, upload });
    },
  );

  app.post(
    '/companies/import',
    {
      schema: {
        tags,
        summary: '회원사 명단 가져오기(검증·반영) / Import a member list (dry run or commit)',
        description:
          'multipart `file` + 선택 `mapping`(JSON 문자열), 또는 JSON `{ mapping }` + 쿼리 `fileId`. ' +
          'dryRun=true(기본)는 검증 결과만, false는 한 트랜잭션으로 반영합니다. 5,000행 초과는 작업(202)으로 처리합니다. ' +
          '/ Multipart `file` with an optional `mapping` (JSON string), or JSON `{ mapping }` with `fileId` in the query. ' +
          'Over 5,000 rows: 202 with a job to poll at GET /api/jobs/{id}.',
        consumes: ['multipart/form-data', 'application/json'],
        querystring: importQuery,
        response: { 200: importResponse, 202: importResponse, 422: importErrorResponse },
      },
    },
    async (request, reply) => {
      assertCan(request.actor, 'company.import');
      let upload: { buffer: Buffer; filename: string } | undefined;
      let mapping: ImportMapping | undefined;
      if (request.isMultipart()) ({ upload, mapping } = await readImportParts(request));
      else if (request.body !== undefined && request.body !== null) {
        const body = importBody.safeParse(request.body);
        if (!body.success) throw invalid('mapping');
        mapping = body.data.mapping;
      }
      const q = request.query;
      // A commit refused for row errors throws ImportRejectedError: the error handler renders the 422
      // `{ error, report }`.
      const res = await importCompanies({
        handle,
        jobs,
        actor: request.actor,
        store: config.files,
        input: {
          upload,
          fileId: upload ? undefined : q.fileId,
          mapping,
          associationId: q.associationId,
          dryRun: q.dryRun === 'true',
          skipInvalid: q.skipInvalid === 'true',
          lang: pickLang(request.headers['accept-language']),
        },
      });
      reply.status(res.status === 'queued' ? 202 : 200);
      return res;
    },
  );

  // Link requests: rows of a partner's list naming a firm outside its association -----------------------

  app.get(
    '/companies/link-requests',
    {
      schema: {
        tags,
        summary: '협단체 연결 요청 목록 / Link requests from partners’ member lists',
        description:
          '협단체 명단에 있으나 그 협단체에 연결되지 않은 기존 기업. 가져오기는 이 기업을 바꾸지 않고 요청만 남깁니다. ' +
          '/ Firms a partner listed that are not linked to its association; the import changed nothing about them.',
        querystring: linkRequestListQuery,
        response: { 200: linkRequestListResponse },
      },
    },
    async (request) => listLinkRequests({ db: handle.db, actor: request.actor, input: request.query }),
  );

  app.post(
    '/companies/link-requests/:id/approve',
    {
      schema: {
        tags,
        summary: '연결 요청 승인(기업을 협단체에 연결) / Approve: link the firm to the association',
        params: z.object({ id: z.uuid() }),
        response: { 200: linkRequestSchema },
      },
    },
    async (request) =>
      decideLinkRequest({
        db: handle.db,
        actor: request.actor,
        id: request.params.id,
        decision: { approve: true },
      }),
  );

  app.post(
    '/companies/link-requests/:id/reject',
    {
      schema: {
        tags,
        summary: '연결 요청 반려(사유) / Reject a link request with a reason',
        params: z.object({ id: z.uuid() }),
        body: linkRequestRejectBody,
        response: { 200: linkRequestSchema },
      },
    },
    async (request) =>
      decideLinkRequest({
        db: handle.db,
        actor: request.actor,
        id: request.params.id,
        decision: { approve: false, reason: request.body.reason },
      }),
  );
};
