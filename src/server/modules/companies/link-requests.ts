import { sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import type { LinkRequest } from './import-contract';

/**
 * Link requests (연결 요청): a partner's member list named a registered firm outside the partner's
 * association. The import changed nothing about it; staff approve (the firm is linked to the association,
 * so the partner sees and updates it from then on) or reject with a reason. Both are audited.
 */

interface Row {
  id: string;
  company_id: string;
  company_name: string;
  brn: string;
  name_in_file: string | null;
  association_id: string;
  association_name: string;
  linked: string[] | null;
  requested_by: string | null;
  file_id: string | null;
  row_no: number | null;
  status: LinkRequest['status'];
  reason: string | null;
  created_at: Date | string;
  decided_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function mapRow(r: Row): LinkRequest {
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    brn: r.brn,
    nameInFile: r.name_in_file,
    associationId: r.association_id,
    associationName: r.association_name,
    linkedAssociations: r.linked ?? [],
    requestedBy: r.requested_by,
    fileId: r.file_id,
    row: r.row_no,
    status: r.status,
    reason: r.reason,
    createdAt: iso(r.created_at)!,
    decidedAt: iso(r.decided_at),
  };
}

const SELECT = sql`
  SELECT r.id, r.company_id, c.name AS company_name, c.brn, r.name_in_file, r.association_id,
    a.name AS association_name,
    ARRAY(SELECT a2.name FROM company_associations ca JOIN associations a2 ON a2.id = ca.association_id
          WHERE ca.company_id = r.company_id ORDER BY a2.name) AS linked,
    u.name AS requested_by, r.file_id, r.row_no, r.status, r.reason, r.created_at, r.decided_at
  FROM company_link_requests r
  JOIN companies c ON c.id = r.company_id
  JOIN associations a ON a.id = r.association_id
  LEFT JOIN users u ON u.id = r.requested_by`;

export async function listLinkRequests({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: { status: LinkRequest['status']; page: number; pageSize: number };
}) {
  assertCan(actor, 'company.linkRequests');
  const rows = await sqlRows<Row>(
    db,
    sql`${SELECT} WHERE r.status = ${input.status}
        ORDER BY r.created_at ${input.status === 'pending' ? sql`ASC` : sql`DESC`}, r.id
        LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
  );
  const [{ n }] = await sqlRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM company_link_requests WHERE status = ${input.status}`,
  );
  return { items: rows.map(mapRow), total: n, page: input.page, pageSize: input.pageSize };
}

/**
 * Approve (link the firm to the association) or reject (with a reason) a pending request. One statement
 * moves the request out of `pending`, so two staff deciding at once get one success and one 409.
 */
export async function decideLinkRequest({
  db,
  actor,
  id,
  decision,
}: {
  db: Database;
  actor: Actor;
  id: string;
  decision: { approve: true } | { approve: false; reason: string };
}): Promise<LinkRequest> {
  assertCan(actor, 'company.linkRequests');
  return db.transaction(async (tx) => {
    const status = decision.approve ? 'approved' : 'rejected';
    const reason = decision.approve ? null : decision.reason;
    const [done] = await sqlRows<{ company_id: string; association_id: string; linked: number }>(
      tx,
      sql`WITH r AS (
            UPDATE company_link_requests SET status = ${status}, reason = ${reason},
              decided_by = ${actor.userId ?? null}::uuid, decided_at = now()
            WHERE id = ${id}::uuid AND status = 'pending'
            RETURNING company_id, association_id),
          l AS (
            INSERT INTO company_associations (company_id, association_id)
            SELECT company_id, association_id FROM r WHERE ${decision.approve}
            ON CONFLICT DO NOTHING RETURNING 1)
          SELECT r.company_id, r.association_id, (SELECT count(*) FROM l)::int AS linked FROM r`,
    );
    if (!done) {
      const [exists] = await sqlRows<{ status: string }>(
        tx,
        sql`SELECT status FROM company_link_requests WHERE id = ${id}::uuid`,
      );
      if (!exists) throw new NotFoundError('link_request');
      throw new ConflictError('link_request_decided');
    }
    await recordAudit(tx, actor, {
      action: decision.approve ? 'company.linkRequest.approve' : 'company.linkRequest.reject',
      entityType: 'company_link_request',
      entityId: id,
      before: { status: 'pending' },
      after: {
        status,
        reason,
        companyId: done.company_id,
        associationId: done.association_id,
        linked: done.linked > 0,
      },
    });
    const [row] = await sqlRows<Row>(tx, sql`${SELECT} WHERE r.id = ${id}::uuid`);
    return mapRow(row);
  });
}
