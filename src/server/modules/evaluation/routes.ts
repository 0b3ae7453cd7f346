import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../shared/validators';
import { assignAutomatically, assignManually, decideObjection, removeAssignment } from './assign';
import {
  assignment,
  autoAssignBody,
  autoAssignResult,
  bonus,
  bonusBody,
  conflict,
  conflictList,
  decisionsBody,
  decisionsResult,
  evaluationResults as evaluationResultsSchema,
  evaluationSettings,
  evaluationSettingsBody,
  manualAssignBody,
  objectionDecisionBody,
  overview,
  panel,
  panelAssignments,
  panelCreateBody,
  panelPatchBody,
  reasonBody,
  reviewer,
  reviewerList,
  reviewerProfileBody,
  rubric,
  rubricBody,
  sheet,
} from './contract';
import { decideSelection } from './decisions';
import {
  createPanel,
  evaluationOverview,
  getSettings,
  patchPanel,
  saveRubric,
  saveSettings,
  setBonus,
} from './panels';
import { listReviewers, saveReviewerProfile } from './pool';
import { evaluationResults } from './results';
import { reopenSheet } from './review';
import { listConflicts, listPanelAssignments } from './staff-views';

const tags = ['evaluation'];

/** Staff: reviewer pool, settings, panels and rubrics, assignments, objections, reopening, results. */
export const evaluationStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;

  app.get(
    '/evaluation/reviewers',
    { schema: { tags, summary: '평가위원 풀 / Reviewer pool', response: { 200: reviewerList } } },
    async (req) => listReviewers({ db, actor: req.actor }),
  );
  app.put(
    '/evaluation/reviewers/:id',
    {
      schema: {
        tags,
        summary: '평가위원 정보(전문분야, 소속, 이해관계) / Reviewer profile',
        params: uuidParam,
        body: reviewerProfileBody,
        response: { 200: reviewer },
      },
    },
    async (req) => saveReviewerProfile({ db, actor: req.actor, userId: req.params.id, input: req.body }),
  );
  app.get(
    '/calls/:id/evaluation',
    {
      schema: {
        tags,
        summary: '평가 현황 / Evaluation overview',
        params: uuidParam,
        response: { 200: overview },
      },
    },
    async (req) => evaluationOverview({ db, actor: req.actor, callId: req.params.id }),
  );
  app.get(
    '/calls/:id/evaluation/settings',
    {
      schema: {
        tags,
        summary: '평가 기준(커트라인, 가점 한도) / Evaluation settings',
        params: uuidParam,
        response: { 200: evaluationSettings },
      },
    },
    async (req) => getSettings({ db, actor: req.actor, callId: req.params.id }),
  );
  app.put(
    '/calls/:id/evaluation/settings',
    {
      schema: {
        tags,
        summary: '평가 기준 저장 / Save evaluation settings',
        params: uuidParam,
        body: evaluationSettingsBody,
        response: { 200: evaluationSettings },
      },
    },
    async (req) => saveSettings({ db, actor: req.actor, callId: req.params.id, input: req.body }),
  );
  app.post(
    '/calls/:id/evaluation/panels',
    {
      schema: {
        tags,
        summary: '평가위원회 구성 / Create a panel',
        params: uuidParam,
        body: panelCreateBody,
        response: { 201: panel },
      },
    },
    async (req, reply) => {
      const out = await createPanel({ db, actor: req.actor, callId: req.params.id, input: req.body });
      reply.status(201);
      return out;
    },
  );
  app.patch(
    '/evaluation/panels/:id',
    {
      schema: {
        tags,
        summary: '평가위원회 수정 / Edit a panel',
        params: uuidParam,
        body: panelPatchBody,
        response: { 200: panel },
      },
    },
    async (req) => patchPanel({ db, actor: req.actor, id: req.params.id, input: req.body }),
  );
  app.put(
    '/evaluation/panels/:id/rubric',
    {
      schema: {
        tags,
        summary: '평가표 저장(평가 시작 후에는 새 버전) / Save the rubric (new version once scored)',
        params: uuidParam,
        body: rubricBody,
        response: { 200: rubric },
      },
    },
    async (req) => saveRubric({ db, actor: req.actor, panelId: req.params.id, input: req.body }),
  );
  app.post(
    '/evaluation/panels/:id/assignments',
    {
      schema: {
        tags,
        summary: '평가위원 배정(수동) / Assign a reviewer',
        params: uuidParam,
        body: manualAssignBody,
        response: { 200: assignment },
      },
    },
    async (req) => assignManually({ db, actor: req.actor, panelId: req.params.id, input: req.body }),
  );
  app.post(
    '/evaluation/panels/:id/assignments/auto',
    {
      schema: {
        tags,
        summary: '평가위원 자동 배정(제척 자동 적용) / Assign automatically (conflicts excluded)',
        params: uuidParam,
        body: autoAssignBody,
        response: { 200: autoAssignResult },
      },
    },
    async (req) =>
      assignAutomatically({
        db,
        actor: req.actor,
        panelId: req.params.id,
        perApplication: req.body.perApplication,
      }),
  );
  app.post(
    '/evaluation/assignments/:id/remove',
    {
      schema: {
        tags,
        summary: '배정 해제 / Remove an assignment',
        params: uuidParam,
        body: reasonBody,
        response: { 200: assignment },
      },
    },
    async (req) => removeAssignment({ db, actor: req.actor, id: req.params.id, reason: req.body.reason }),
  );
  app.post(
    '/evaluation/assignments/:id/sheet/reopen',
    {
      schema: {
        tags,
        summary: '제출된 평가표 다시 열기 / Reopen a submitted sheet',
        params: uuidParam,
        body: reasonBody,
        response: { 200: sheet },
      },
    },
    async (req) =>
      reopenSheet({ db, actor: req.actor, assignmentId: req.params.id, reason: req.body.reason }),
  );
  app.post(
    '/evaluation/objections/:id/decision',
    {
      schema: {
        tags,
        summary: '기피신청 결정 / Decide an objection',
        params: uuidParam,
        body: objectionDecisionBody,
        response: { 200: conflict },
      },
    },
    async (req) => decideObjection({ db, actor: req.actor, id: req.params.id, ...req.body }),
  );
  app.put(
    '/applications/:id/evaluation/bonus',
    {
      schema: {
        tags,
        summary: '가점 / Bonus points',
        params: uuidParam,
        body: bonusBody,
        response: { 200: bonus },
      },
    },
    async (req) => setBonus({ db, actor: req.actor, applicationId: req.params.id, input: req.body }),
  );
  app.get(
    '/calls/:id/evaluation/results',
    {
      schema: {
        tags,
        summary: '평가 결과(최고·최저 제외 평균, 가중치, 가점, 순위) / Evaluation results',
        params: uuidParam,
        response: { 200: evaluationResultsSchema },
      },
    },
    async (req) => evaluationResults({ db, actor: req.actor, callId: req.params.id }),
  );
  app.post(
    '/calls/:id/evaluation/decisions',
    {
      schema: {
        tags,
        summary: '선정·예비선정·탈락 결정 / Decide selection, waitlist and rejection',
        params: uuidParam,
        body: decisionsBody,
        response: { 200: decisionsResult },
      },
    },
    async (req) => decideSelection({ db, actor: req.actor, callId: req.params.id, input: req.body }),
  );
  app.get(
    '/evaluation/panels/:id/assignments',
    {
      schema: {
        tags,
        summary: '위원회 배정·평가 진행 현황 / Assignments and sheet status of a panel',
        params: uuidParam,
        response: { 200: panelAssignments },
      },
    },
    async (req) => listPanelAssignments({ db, actor: req.actor, panelId: req.params.id }),
  );
  app.get(
    '/calls/:id/evaluation/conflicts',
    {
      schema: {
        tags,
        summary: '제척·회피·기피 기록 / Conflict-of-interest log',
        params: uuidParam,
        response: { 200: conflictList },
      },
    },
    async (req) => listConflicts({ db, actor: req.actor, callId: req.params.id }),
  );
};
