import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { type Decision, recordDecisions } from '../applications';
import { round2 } from './aggregate';
import { requireCall } from './common';
import type { DecisionsResult, decisionsBody } from './contract';
import { computeResults } from './results';

/** Calls whose applications may be decided. */
const DECIDABLE = ['closed', 'evaluating'];

/**
 * Selection from the results: in rank order, those that passed the cut-off are selected up to the
 * selection target (default: the call's capacity), the next `waitlist` that passed are waitlisted in
 * rank order, everyone else is rejected — each with a reason (staff may add their own). Every evaluated
 * application must be scored in every stage first (409). The applications module moves the statuses.
 */
export async function decideSelection({
  db,
  actor,
  callId,
  input,
}: {
  db: Database;
  actor: Actor;
  callId: string;
  input: z.infer<typeof decisionsBody>;
}): Promise<DecisionsResult> {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const call = await requireCall(tx, callId, true);
    if (!DECIDABLE.includes(call.status))
      throw new ConflictError('illegal_transition', { from: call.status, to: 'decided' });
    const { results, settings } = await computeResults(tx, callId);
    const unscored = results.filter((r) => r.final === null).length;
    if (unscored > 0) throw new ConflictError('results_incomplete', { count: unscored });
    const target = input.selectionTarget ?? call.capacity;
    let selected = 0;
    let waitlisted = 0;
    const items = results.map((r) => {
      const final = r.final as number;
      let status: Decision['status'];
      let reason: string;
      if (r.passed && selected < target) {
        selected++;
        status = 'selected';
        reason = `선정: ${r.rank}위, ${final.toFixed(2)}점 / selected: rank ${r.rank}, ${final.toFixed(2)}`;
      } else if (r.passed && waitlisted < input.waitlist) {
        waitlisted++;
        status = 'waitlisted';
        reason = `예비 ${waitlisted}순위: ${r.rank}위, ${final.toFixed(2)}점 / waitlist #${waitlisted}: rank ${r.rank}`;
      } else if (r.passed) {
        status = 'rejected';
        reason = `탈락: ${r.rank}위, 선정 인원 초과 / rejected: rank ${r.rank} beyond the selection`;
      } else {
        status = 'rejected';
        reason = `탈락: 평가점수 ${round2(r.weighted ?? 0).toFixed(2)}점, 기준 ${settings.cutoff}점 미달 / rejected: below the cut-off`;
      }
      const extra = input.reasons[r.applicationId];
      if (extra) reason = `${reason} — ${extra}`;
      return { applicationId: r.applicationId, rank: r.rank as number, final, status, reason };
    });
    await recordDecisions(tx, actor, callId, items);
    await recordAudit(tx, actor, {
      action: 'evaluation.decisions',
      entityType: 'call',
      entityId: callId,
      after: {
        target,
        waitlist: input.waitlist,
        selected,
        waitlisted,
        rejected: items.length - selected - waitlisted,
      },
    });
    return { items };
  });
}
