import { asc, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import type { Program, programBody, programPatchBody } from './contract';
import { calls, programBudgets, programs } from './schema';
import { callAcceptsSql } from './window';

type ProgramRow = typeof programs.$inferSelect;

/** 사업 (programs): the catalog with yearly budgets and open-call counts, and staff edits. */
export async function listPrograms({
  db,
  module,
}: {
  db: Database;
  module?: string;
}): Promise<{ items: Program[] }> {
  const rows = await db
    .select()
    .from(programs)
    .where(module ? eq(programs.module, module as ProgramRow['module']) : undefined)
    .orderBy(asc(programs.sortOrder), asc(programs.code));
  const budgets = await db.select().from(programBudgets).orderBy(asc(programBudgets.year));
  const open = await db
    .select({ programId: calls.programId, n: count() })
    .from(calls)
    .where(callAcceptsSql('startDraft'))
    .groupBy(calls.programId);
  return {
    items: rows.map((p) => ({
      id: p.id,
      code: p.code,
      module: p.module,
      nameKo: p.nameKo,
      nameEn: p.nameEn,
      summaryKo: p.summaryKo,
      summaryEn: p.summaryEn,
      target: p.target,
      owner: p.owner,
      budgets: budgets.filter((b) => b.programId === p.id).map((b) => ({ year: b.year, amount: b.amount })),
      openCalls: Number(open.find((o) => o.programId === p.id)?.n ?? 0),
    })),
  };
}

async function programById(db: Database, id: string): Promise<Program> {
  const { items } = await listPrograms({ db });
  const p = items.find((x) => x.id === id);
  if (!p) throw new NotFoundError('program');
  return p;
}

/** Staff create a program (사업) with its yearly budgets. */
export async function createProgram({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof programBody>;
}) {
  assertCan(actor, 'call.manage');
  const id = await db.transaction(async (tx) => {
    const { budgets, ...fields } = input;
    const [dup] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.code, input.code));
    if (dup) throw new ConflictError('conflict');
    const [p] = await tx.insert(programs).values(fields).returning();
    if (budgets.length)
      await tx.insert(programBudgets).values(budgets.map((b) => ({ programId: p.id, ...b })));
    await recordAudit(tx, actor, {
      action: 'program.create',
      entityType: 'program',
      entityId: p.id,
      after: input,
    });
    return p.id;
  });
  return programById(db, id);
}

export async function patchProgram({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: z.infer<typeof programPatchBody>;
}) {
  assertCan(actor, 'call.manage');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(programs).where(eq(programs.id, id)).for('update');
    if (!before) throw new NotFoundError('program');
    const { budgets, ...fields } = input;
    if (Object.keys(fields).length)
      await tx
        .update(programs)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(programs.id, id));
    if (budgets) {
      await tx.delete(programBudgets).where(eq(programBudgets.programId, id));
      if (budgets.length)
        await tx.insert(programBudgets).values(budgets.map((b) => ({ programId: id, ...b })));
    }
    await recordAudit(tx, actor, {
      action: 'program.update',
      entityType: 'program',
      entityId: id,
      before,
      after: input,
    });
  });
  return programById(db, id);
}
