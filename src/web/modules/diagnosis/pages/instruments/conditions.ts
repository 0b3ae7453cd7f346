import type { TFunction } from 'i18next';
import type { RuleCondition } from '../../../../../server/modules/diagnosis/contract';

export const OP_SYMBOLS = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/** Title of a dimension key in the current instrument (the key itself when unknown). */
export type DimensionTitles = ReadonlyMap<string, string>;

/** One condition in plain words: "단계 ≤ 2", "데이터 관리 ≥ 60". */
export function conditionText(c: RuleCondition, t: TFunction, titles: DimensionTitles): string {
  const subject =
    c.on === 'dimension'
      ? (titles.get(c.dimension) ?? t('diagnosisAdmin.rules.unknownDimension', { key: c.dimension }))
      : t(`diagnosisAdmin.rules.on.${c.on}`);
  return `${subject} ${OP_SYMBOLS[c.op]} ${c.value}`;
}

/** All conditions of a rule, joined by "그리고" / "and". */
export function conditionsText(
  list: readonly RuleCondition[],
  t: TFunction,
  titles: DimensionTitles,
): string {
  return list.map((c) => conditionText(c, t, titles)).join(` ${t('diagnosisAdmin.rules.and')} `);
}
