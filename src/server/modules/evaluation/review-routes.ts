import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../../shared/validators';
import { sendDownload } from '../../platform/download';
import {
  applicantPanelView,
  assignmentDetail,
  assignmentFileParams,
  conflict,
  myAssignmentList,
  objectionBody,
  pledge,
  pledgeSignature,
  pledgeSignBody,
  reasonBody,
  sheet,
  sheetBody,
} from './contract';
import { applicationReviewers, objectToReviewer } from './objections';
import { getPledge, signPledge } from './pledge';
import {
  downloadAssignedDocument,
  getAssignment,
  myAssignments,
  recuse,
  saveDraft,
  submitSheet,
} from './review';

const tags = ['evaluation'];

/** Reviewers (their own assignments only; 404 for anything else) and applicants (기피). */
export const evaluationReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const { files: store } = app.deps.config;

  app.get(
    '/evaluation/pledge',
    { schema: { tags, summary: '청렴·비밀유지 서약서 / The pledge', response: { 200: pledge } } },
    async (req) => getPledge({ db, actor: req.actor }),
  );
  app.post(
    '/calls/:id/evaluation/pledge',
    {
      schema: {
        tags,
        summary: '서약서 서명 / Sign the pledge',
        params: uuidParam,
        body: pledgeSignBody,
        response: { 200: pledgeSignature },
      },
    },
    async (req) => signPledge({ db, actor: req.actor, callId: req.params.id, input: req.body }),
  );
  app.get(
    '/me/evaluation/assignments',
    { schema: { tags, summary: '내 평가 배정 / My assignments', response: { 200: myAssignmentList } } },
    async (req) => myAssignments({ db, actor: req.actor }),
  );
  app.get(
    '/evaluation/assignments/:id',
    {
      schema: {
        tags,
        summary: '배정된 신청서(읽기 전용)와 평가표 / Assigned application (read-only) and sheet',
        params: uuidParam,
        response: { 200: assignmentDetail },
      },
    },
    async (req) => getAssignment({ db, actor: req.actor, id: req.params.id }),
  );
  app.get(
    '/evaluation/assignments/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '배정된 신청서의 첨부 내려받기 / Download a document of an assigned application',
        params: assignmentFileParams,
      },
    },
    async (req, reply) => {
      const { file, body } = await downloadAssignedDocument({
        db,
        store,
        actor: req.actor,
        id: req.params.id,
        fileId: req.params.fileId,
      });
      return sendDownload(reply, { body, filename: file.originalName, mime: file.mime });
    },
  );
  app.post(
    '/evaluation/assignments/:id/recuse',
    {
      schema: {
        tags,
        summary: '회피 신청 / Recuse',
        params: uuidParam,
        body: reasonBody,
        response: { 200: z.object({ id: z.uuid(), status: z.string(), reason: z.string().nullable() }) },
      },
    },
    async (req) => recuse({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }),
  );
  app.put(
    '/evaluation/assignments/:id/sheet',
    {
      schema: {
        tags,
        summary: '평가표 임시저장 / Save a draft sheet',
        params: uuidParam,
        body: sheetBody,
        response: { 200: sheet },
      },
    },
    async (req) => saveDraft({ db, actor: req.actor, id: req.params.id, input: req.body }),
  );
  app.post(
    '/evaluation/assignments/:id/sheet/submit',
    {
      schema: {
        tags,
        summary: '평가표 제출 / Submit the sheet',
        params: uuidParam,
        response: { 200: sheet },
      },
    },
    async (req) => submitSheet({ db, actor: req.actor, id: req.params.id }),
  );
  app.get(
    '/applications/:id/evaluation/reviewers',
    {
      schema: {
        tags,
        summary: '내 신청서의 평가위원(기피신청용) / Reviewers of my application (to object)',
        params: uuidParam,
        response: { 200: applicantPanelView },
      },
    },
    async (req) => applicationReviewers({ db, actor: req.actor, id: req.params.id }),
  );
  app.post(
    '/applications/:id/evaluation/objections',
    {
      schema: {
        tags,
        summary: '기피신청 / Object to a reviewer',
        params: uuidParam,
        body: objectionBody,
        response: { 201: conflict },
      },
    },
    async (req, reply) => {
      const out = await objectToReviewer({ db, actor: req.actor, id: req.params.id, input: req.body });
      reply.status(201);
      return out;
    },
  );
};
