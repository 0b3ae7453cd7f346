import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EligibilityRule,
  type EligibilityRuleType,
  eligibilityRule,
} from '../../../../server/modules/programs/eligibility-contract';
import { SIZE_CLASSES } from '../../../../shared/enums';
import { KSIC_SECTIONS } from '../../../../shared/ksic';
import { Check, ChoiceGroup, SelectField, TextField } from '../../../components/Field';
import { currentLang } from '../../../i18n';
import { describeRule } from './call-ui';
import { useErr } from './editor-model';

/** Every rule type of the registry (eligibility-contract.ts), so a type added there shows up here. */
export const RULE_TYPES = eligibilityRule.options.map((o) => o.shape.type.value) as EligibilityRuleType[];

/** A new rule with sensible parameters (the staff then adjust them). */
function defaultRule(type: EligibilityRuleType): EligibilityRule {
  switch (type) {
    case 'sizeClasses':
      return { type, allowed: ['small', 'medium'] };
    case 'ksicSections':
      return { type, allowed: ['C', 'J'] };
    case 'foundedWithinYears':
      return { type, years: 7 };
    case 'hasDiagnosis':
      return { type, withinMonths: 12 };
    default:
      return { type } as EligibilityRule;
  }
}

const toggle = <T extends string>(list: T[], v: T, on: boolean) =>
  on ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v);

/** 신청자격 rules: add one per type, set its parameters, remove. Shown to applicants as plain sentences. */
export function EligibilityEditor({
  rules,
  onChange,
}: {
  rules: EligibilityRule[];
  onChange: (r: EligibilityRule[]) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const err = useErr();
  const free = RULE_TYPES.filter((ty) => !rules.some((r) => r.type === ty));
  const [pick, setPick] = useState<string>('');
  const type = (free.includes(pick as EligibilityRuleType) ? pick : free[0]) as
    | EligibilityRuleType
    | undefined;
  const set = (i: number, r: EligibilityRule) => onChange(rules.map((x, j) => (j === i ? r : x)));
  const ruleName = (ty: string) => t(`callEditor.ruleType.${ty}`, { defaultValue: ty });
  return (
    <div className="app-stack">
      {err('eligibility') && (
        <p className="form-hint-invalid" role="alert">
          {err('eligibility')?.message}
        </p>
      )}
      {rules.length === 0 && <p className="app-muted">{t('calls.rules.none')}</p>}
      <ul className="ce-list">
        {rules.map((r, i) => {
          const id = `rule-${r.type}`;
          const e = err(`eligibility.${i}`);
          return (
            <li key={r.type} className="ce-item" aria-labelledby={`${id}-h`}>
              <div className="ce-item__head">
                <h3 className="app-h4" id={`${id}-h`}>
                  {ruleName(r.type)}
                </h3>
                <button
                  type="button"
                  className="krds-btn xsmall tertiary"
                  aria-label={t('callEditor.removeItem', { name: ruleName(r.type) })}
                  onClick={() => onChange(rules.filter((_, j) => j !== i))}
                >
                  {t('callEditor.remove')}
                </button>
              </div>
              <p>
                <span className="app-muted">{t('callEditor.rulePreview')}</span> {describeRule(r, t, lang)}
              </p>
              {r.type === 'sizeClasses' && (
                <ChoiceGroup
                  legend={t('callEditor.ruleParam.sizeClasses')}
                  error={err(`eligibility.${i}.allowed`) ?? e}
                >
                  {SIZE_CLASSES.map((s) => (
                    <Check
                      key={s}
                      id={`${id}-${s}`}
                      label={t(`enums.sizeClass.${s}`)}
                      checked={r.allowed.includes(s)}
                      onChange={(ev) => set(i, { ...r, allowed: toggle(r.allowed, s, ev.target.checked) })}
                    />
                  ))}
                </ChoiceGroup>
              )}
              {r.type === 'ksicSections' && (
                <ChoiceGroup
                  legend={t('callEditor.ruleParam.ksicSections')}
                  error={err(`eligibility.${i}.allowed`) ?? e}
                >
                  <div className="app-check-grid">
                    {KSIC_SECTIONS.map((k) => (
                      <Check
                        key={k.code}
                        id={`${id}-${k.code}`}
                        label={`${k.code} ${k[lang]}`}
                        checked={r.allowed.includes(k.code)}
                        onChange={(ev) =>
                          set(i, { ...r, allowed: toggle(r.allowed, k.code, ev.target.checked) })
                        }
                      />
                    ))}
                  </div>
                </ChoiceGroup>
              )}
              {r.type === 'foundedWithinYears' && (
                <TextField
                  id={`${id}-years`}
                  label={t('callEditor.ruleParam.years')}
                  type="number"
                  min={1}
                  max={100}
                  value={Number.isNaN(r.years) ? '' : r.years}
                  error={err(`eligibility.${i}.years`) ?? e}
                  onChange={(ev) => set(i, { ...r, years: Number(ev.target.value) })}
                />
              )}
              {r.type === 'hasDiagnosis' && (
                <TextField
                  id={`${id}-months`}
                  label={t('callEditor.ruleParam.withinMonths')}
                  type="number"
                  min={1}
                  max={60}
                  value={Number.isNaN(r.withinMonths) ? '' : r.withinMonths}
                  error={err(`eligibility.${i}.withinMonths`) ?? e}
                  onChange={(ev) => set(i, { ...r, withinMonths: Number(ev.target.value) })}
                />
              )}
            </li>
          );
        })}
      </ul>
      {type && (
        <div className="app-inline-form ce-add">
          <SelectField
            id="rule-new-type"
            label={t('callEditor.ruleNew')}
            value={type}
            onChange={(e) => setPick(e.target.value)}
            options={free.map((ty) => ({ value: ty, label: ruleName(ty) }))}
          />
          <button
            type="button"
            className="krds-btn medium secondary"
            onClick={() => {
              onChange([...rules, defaultRule(type)]);
              setPick('');
            }}
          >
            {t('callEditor.ruleAdd')}
          </button>
        </div>
      )}
    </div>
  );
}
