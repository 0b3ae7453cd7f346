import { and, asc, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatBrn } from '../../../shared/brn';
import { districtLabel } from '../../../shared/districts';
import { ksicLabel } from '../../../shared/ksic';
import { maskEmail, maskName, maskPhone } from '../../../shared/text';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { isStaff } from '../../platform/actor';
import { logAccess } from '../../platform/audit';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { writeCsv, writeXlsx } from '../../platform/tabular';
import { EXPORT_REASON_MIN, type exportQuery } from './contract';
import { companies } from './schema';
import { companyFilter } from './service';

const SIZE_KO: Record<string, string> = {
  small: '소기업',
  medium: '중기업',
  midsize: '중견기업',
  large: '대기업',
};
const PROVENANCE_KO: Record<string, string> = {
  association: '협단체 명단',
  signup: '자체 가입',
  event: '행사',
  staff: '직원 등록',
};
export const EXPORT_HEADERS = [
  '사업자등록번호',
  '기업명',
  '대표자',
  '설립일',
  '기업규모',
  '소상공인',
  '스타트업',
  '업종코드',
  '업종',
  '자치구',
  '주소',
  '종업원수',
  '매출액(원)',
  '전화',
  '이메일',
  '홈페이지',
  '태그',
  '출처',
  '등록일',
];
export const EXPORT_MAX_ROWS = 200_000;
const EXPORT_PAGE = 2_000;

/** Export of the filtered registry. Personal fields are masked unless staff give a reason (logged). */
export async function exportCompanies({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof exportQuery>;
}) {
  assertCan(actor, 'company.export');
  const unmask = input.unmask === 'true';
  if (unmask && !isStaff(actor)) throw new ForbiddenError();
  if (unmask) {
    const problems = [
      ...(input.purpose ? [] : [{ path: 'query.purpose', message: 'required' }]),
      ...([...(input.reason ?? '')].length >= EXPORT_REASON_MIN
        ? []
        : [{ path: 'query.reason', message: 'export_reason_short' }]),
    ];
    if (problems.length) throw new ValidationError('reason_required', problems);
  }
  const { where } = companyFilter(actor, { ...input });
  const m = <T>(v: T, f: (x: T) => unknown) => (unmask ? v : f(v));
  const toRow = (r: typeof companies.$inferSelect) => [
    formatBrn(r.brn),
    r.name,
    m(r.representative, maskName),
    r.foundedOn,
    r.sizeClass ? SIZE_KO[r.sizeClass] : '',
    r.isMicro ? 'Y' : 'N',
    r.isStartup ? 'Y' : 'N',
    r.ksicCode,
    r.ksicCode ? ksicLabel(r.ksicCode) : '',
    districtLabel(r.district),
    r.address,
    r.employees,
    r.revenue,
    m(r.phone, maskPhone),
    m(r.email, maskEmail),
    r.homepage,
    r.tags.join(', '),
    PROVENANCE_KO[r.provenance],
    r.createdAt.toISOString().slice(0, 10),
  ];
  // Read and mapped in pages (keyset on name, id), yielding in between: five 26k-row exports at once
  // otherwise parse and map 130k rows in one go and stall every other request for seconds.
  const data: (string | number | null)[][] = [];
  let last: { name: string; id: string } | null = null;
  while (data.length < EXPORT_MAX_ROWS) {
    const page = await db
      .select()
      .from(companies)
      .where(
        last
          ? and(where, sql`(${companies.name}, ${companies.id}) > (${last.name}, ${last.id}::uuid)`)
          : where,
      )
      .orderBy(asc(companies.name), asc(companies.id))
      .limit(Math.min(EXPORT_PAGE, EXPORT_MAX_ROWS - data.length));
    for (const r of page) data.push(toRow(r) as (string | number | null)[]);
    if (page.length < EXPORT_PAGE) break;
    last = page[page.length - 1];
    await new Promise((resolve) => setImmediate(resolve));
  }
  await logAccess(db, actor, {
    action: unmask ? 'download' : 'export',
    subjectType: 'company',
    count: data.length,
    reason: unmask ? `[${input.purpose}] ${input.reason}` : undefined,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  if (input.format === 'csv') {
    return {
      body: writeCsv(EXPORT_HEADERS, data),
      filename: `companies-${stamp}.csv`,
      mime: 'text/csv; charset=utf-8',
    };
  }
  return {
    body: await writeXlsx('기업 목록', EXPORT_HEADERS, data),
    filename: `companies-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
