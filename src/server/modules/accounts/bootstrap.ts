import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { systemActor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { hashPassword, passwordProblem } from '../../platform/auth/password';
import { roleChanges, users } from '../../platform/schema';

/**
 * Creates the first admin from ITDA_ADMIN_EMAIL / ITDA_ADMIN_PASSWORD when the database has no
 * admin yet (a production install with ITDA_DEMO=0). Returns what it did, for the start-up log.
 */
export async function ensureBootstrapAdmin(
  db: Database,
  admin: { email: string; password: string } | undefined,
): Promise<'created' | 'exists' | 'missing'> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return 'exists';
  if (!admin) return 'missing';
  const problem = passwordProblem(admin.password, admin.email);
  if (problem) throw new Error(`ITDA_ADMIN_PASSWORD refused: ${problem}`);
  const passwordHash = await hashPassword(admin.password);
  await db.transaction(async (tx) => {
    const email = admin.email.toLowerCase();
    const [found] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    const [u] = found
      ? await tx
          .update(users)
          .set({ role: 'admin', passwordHash, active: true })
          .where(eq(users.id, found.id))
          .returning()
      : await tx.insert(users).values({ email, name: '관리자', role: 'admin', passwordHash }).returning();
    await tx
      .insert(roleChanges)
      .values({ userId: u.id, toRole: 'admin', reason: 'bootstrap (ITDA_ADMIN_EMAIL)' });
    await recordAudit(tx, systemActor('bootstrap'), {
      action: 'user.bootstrap_admin',
      entityType: 'user',
      entityId: u.id,
      after: { email: u.email, role: u.role },
    });
  });
  return 'created';
}
