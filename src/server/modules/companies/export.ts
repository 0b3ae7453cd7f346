import { type AnyColumn, asc, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, DbHandle } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { isStaff } from '../../platform/actor';
import { logAccess } from '../../platform/audit';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { type CellFormat, runExport } from '../../platform/tabular-export';
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
type ExportSource = Pick<DbHandle, 'kind' | 'url' | 'query'>;

/**
 * Export of the filtered registry. Personal fields are masked unless staff give a reason (logged). Read,
 * masked and written off the event loop (platform/tabular-export.ts); `source` is the database handle.
 */
export async function exportCompanies({
  db,
  source,
  actor,
  input,
}: {
  db: Database;
  source: ExportSource;
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
  const c = companies;
  const as = (expr: SQL | AnyColumn, key: string) => sql`${expr}`.as(key);
  // Every value as text, integer, boolean or text[], the same from either driver; cells are made from it
  // in the worker thread (platform/tabular-export.ts), masked unless staff gave a reason.
  const query = db
    .select({
      brn: as(c.brn, 'brn'),
      name: as(c.name, 'name'),
      representative: as(c.representative, 'representative'),
      foundedOn: as(sql`${c.foundedOn}::text`, 'founded_on'),
      sizeClass: as(sql`${c.sizeClass}::text`, 'size_class'),
      isMicro: as(c.isMicro, 'is_micro'),
      isStartup: as(c.isStartup, 'is_startup'),
      ksicCode: as(c.ksicCode, 'ksic_code'),
      district: as(c.district, 'district'),
      address: as(c.address, 'address'),
      employees: as(c.employees, 'employees'),
      revenue: as(sql`${c.revenue}::text`, 'revenue'),
      phone: as(c.phone, 'phone'),
      email: as(c.email, 'email'),
      homepage: as(c.homepage, 'homepage'),
      tags: as(c.tags, 'tags'),
      provenance: as(sql`${c.provenance}::text`, 'provenance'),
      createdOn: as(sql`to_char(${c.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`, 'created_on'),
    })
    .from(c)
    .where(where)
    .orderBy(asc(c.name), asc(c.id))
    .limit(EXPORT_MAX_ROWS)
    .toSQL();
  const masked = (f: CellFormat): CellFormat => (unmask ? 'value' : f);
  const formats: [key: string, format?: CellFormat][] = [
    ['brn', 'brn'],
    ['name'],
    ['representative', masked('maskName')],
    ['founded_on'],
    ['size_class', { labels: SIZE_KO }],
    ['is_micro', 'yesNo'],
    ['is_startup', 'yesNo'],
    ['ksic_code'],
    ['ksic_code', 'ksicLabel'],
    ['district', 'districtLabel'],
    ['address'],
    ['employees'],
    ['revenue', 'integer'],
    ['phone', masked('maskPhone')],
    ['email', masked('maskEmail')],
    ['homepage'],
    ['tags', 'list'],
    ['provenance', { labels: PROVENANCE_KO }],
    ['created_on'],
  ];
  const { body, count } = await runExport(source, {
    format: input.format === 'csv' ? 'csv' : 'xlsx',
    sheetName: '기업 목록',
    columns: formats.map(([key, format], i) => ({ header: EXPORT_HEADERS[i], key, format })),
    query: { sql: query.sql, params: query.params },
  });
  await logAccess(db, actor, {
    action: unmask ? 'download' : 'export',
    subjectType: 'company',
    count,
    reason: unmask ? `[${input.purpose}] ${input.reason}` : undefined,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  if (input.format === 'csv')
    return { body, filename: `companies-${stamp}.csv`, mime: 'text/csv; charset=utf-8' };
  return {
    body,
    filename: `companies-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
