import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId } from 'react';
import { type Resolver, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CONDITION_OPS,
  type RuleCondition,
  ruleCreateBody,
} from '../../../../../server/modules/diagnosis/contract';
import type { Program } from '../../../../../server/modules/programs/contract';
import { ErrorAlert } from '../../../../components/Alert';
import { Dialog } from '../../../../components/Dialog';
import { Check, SelectField, TextAreaField, TextField } from '../../../../components/Field';
import { isApiError } from '../../../../lib/api-client';
import { applyServerErrors, zodOptions } from '../../../../lib/form';
import { type Rule, type RuleCreateBody, useSaveRule } from '../../api/diagnosis';
import { OP_SYMBOLS } from './conditions';
import { focusLater, SoftButton } from './controls';

type Op = (typeof CONDITION_OPS)[number];
interface ConditionRow {
  on: RuleCondition['on'];
  dimension: string;
  op: Op;
  value: number;
}
interface RuleForm {
  programCode: string;
  conditions: ConditionRow[];
  reason: { ko: string; en: string };
  priority: number;
  active: boolean;
}
const FIXED_FIELDS = ['programCode', 'conditions', 'reason.ko', 'reason.en', 'priority', 'active'];
const MAX_CONDITIONS = 10;

const toRow = (c: RuleCondition): ConditionRow => ({
  on: c.on,
  dimension: c.on === 'dimension' ? c.dimension : '',
  op: c.op,
  value: c.value,
});
const emptyRow = (): ConditionRow => ({ on: 'stage', dimension: '', op: 'lte', value: 2 });

function defaults(rule: Rule | null): RuleForm {
  return rule
    ? {
        programCode: rule.programCode,
        conditions: rule.conditions.map(toRow),
        reason: { ...rule.reason },
        priority: rule.priority,
        active: rule.active,
      }
    : { programCode: '', conditions: [emptyRow()], reason: { ko: '', en: '' }, priority: 100, active: true };
}

/** Adds or edits a recommendation rule: program, conditions (all must hold), reason, priority, active. */
export function RuleDialog({
  open,
  rule,
  onClose,
  onSaved,
  programs,
  dimensions,
  maxStage,
}: {
  open: boolean;
  /** null: a new rule */
  rule: Rule | null;
  onClose: () => void;
  onSaved: (rule: Rule, created: boolean) => void;
  programs: Program[];
  /** the current instrument's dimensions: key and title */
  dimensions: { key: string; title: string }[];
  maxStage: number;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const save = useSaveRule();
  const form = useForm<RuleForm, unknown, RuleCreateBody>({
    resolver: zodResolver(ruleCreateBody, zodOptions) as unknown as Resolver<
      RuleForm,
      unknown,
      RuleCreateBody
    >,
    defaultValues: defaults(rule),
  });
  const conditions = useFieldArray({ control: form.control, name: 'conditions' });
  const { errors } = form.formState;
  const watched = form.watch('conditions');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens for another rule
  useEffect(() => {
    if (open) {
      form.reset(defaults(rule));
      save.reset();
    }
  }, [open, rule]);

  const submit = form.handleSubmit((body) =>
    save.mutate(
      { id: rule?.id, body },
      {
        onSuccess: (saved) => {
          onSaved(saved, !rule);
          onClose();
        },
        onError: (err) => {
          if (!isApiError(err)) return;
          const known = [
            ...FIXED_FIELDS,
            ...watched.flatMap((_, i) =>
              ['on', 'dimension', 'op', 'value'].map((f) => `conditions.${i}.${f}`),
            ),
          ];
          applyServerErrors(err, form.setError, known);
        },
      },
    ),
  );

  const opOptions = CONDITION_OPS.map((op) => ({
    value: op,
    label: `${OP_SYMBOLS[op]} ${t(`diagnosisAdmin.rules.ops.${op}`)}`,
  }));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={t(rule ? 'diagnosisAdmin.rules.editTitle' : 'diagnosisAdmin.rules.addTitle')}
      footer={
        <>
          <button type="button" className="krds-btn medium secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="krds-btn medium primary" disabled={save.isPending}>
            {save.isPending ? t('common.working') : t('common.save')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="app-stack">
        <SelectField
          label={t('diagnosisAdmin.rules.program')}
          required
          placeholder={t('common.select')}
          options={programs.map((p) => ({ value: p.code, label: `${p.nameKo} (${p.code})` }))}
          error={errors.programCode}
          {...form.register('programCode')}
        />
        <fieldset
          className="app-fieldset dxa-conditions"
          aria-labelledby={`${formId}-conds`}
          aria-describedby={`${formId}-conds-hint`}
        >
          <p className="app-h4" id={`${formId}-conds`} tabIndex={-1}>
            {t('diagnosisAdmin.rules.conditions')}
          </p>
          <p className="form-hint" id={`${formId}-conds-hint`}>
            {t('diagnosisAdmin.rules.conditionsHint')}
          </p>
          {conditions.fields.map((field, i) => {
            const on = watched?.[i]?.on;
            const name = t('diagnosisAdmin.rules.conditionN', { n: i + 1 });
            const rowErrors = errors.conditions?.[i];
            return (
              <fieldset
                key={field.id}
                className="app-fieldset dxa-condition"
                aria-labelledby={`${formId}-c${i}`}
              >
                <p className="dxa-condition__name" id={`${formId}-c${i}`}>
                  {name}
                </p>
                <div className="dxa-condition__fields">
                  <SelectField
                    id={`${formId}-c${i}-on`}
                    label={t('diagnosisAdmin.rules.on.label')}
                    required
                    options={(['stage', 'overall', 'dimension'] as const).map((v) => ({
                      value: v,
                      label: t(`diagnosisAdmin.rules.on.${v}`),
                    }))}
                    error={rowErrors?.on}
                    {...form.register(`conditions.${i}.on`)}
                  />
                  {on === 'dimension' && (
                    <SelectField
                      label={t('diagnosisAdmin.rules.dimension')}
                      required
                      placeholder={t('common.select')}
                      options={dimensions.map((d) => ({ value: d.key, label: d.title }))}
                      error={rowErrors?.dimension}
                      {...form.register(`conditions.${i}.dimension`)}
                    />
                  )}
                  <SelectField
                    label={t('diagnosisAdmin.rules.op')}
                    required
                    options={opOptions}
                    error={rowErrors?.op}
                    {...form.register(`conditions.${i}.op`)}
                  />
                  <TextField
                    label={t('diagnosisAdmin.rules.value')}
                    required
                    type="number"
                    inputMode="decimal"
                    min={on === 'stage' ? 1 : 0}
                    max={on === 'stage' ? maxStage : 100}
                    hint={
                      on === 'stage'
                        ? t('diagnosisAdmin.rules.stageHint', { max: maxStage })
                        : t('diagnosisAdmin.rules.scoreHint')
                    }
                    error={rowErrors?.value}
                    {...form.register(`conditions.${i}.value`, { valueAsNumber: true })}
                  />
                </div>
                <div>
                  <SoftButton
                    className="krds-btn small tertiary dxa-danger-text"
                    name={name}
                    enabled={conditions.fields.length > 1}
                    onClick={() => {
                      conditions.remove(i);
                      focusLater(`${formId}-conds`);
                    }}
                  >
                    {t('diagnosisAdmin.remove')}
                  </SoftButton>
                </div>
              </fieldset>
            );
          })}
          {errors.conditions?.message && (
            <p className="form-hint-invalid" role="alert">
              {errors.conditions.message}
            </p>
          )}
          <div>
            <SoftButton
              className="krds-btn small secondary"
              enabled={conditions.fields.length < MAX_CONDITIONS}
              onClick={() => {
                conditions.append(emptyRow(), { shouldFocus: false });
                focusLater(`${formId}-c${conditions.fields.length}-on`);
              }}
            >
              {t('diagnosisAdmin.rules.addCondition')}
            </SoftButton>
          </div>
        </fieldset>
        <TextAreaField
          label={t('diagnosisAdmin.lang.ko', { label: t('diagnosisAdmin.rules.reason') })}
          required
          lang="ko"
          rows={3}
          hint={t('diagnosisAdmin.rules.reasonHint')}
          error={errors.reason?.ko}
          {...form.register('reason.ko')}
        />
        <TextAreaField
          label={t('diagnosisAdmin.lang.en', { label: t('diagnosisAdmin.rules.reason') })}
          lang="en"
          rows={3}
          hint={t('diagnosisAdmin.lang.enHint')}
          error={errors.reason?.en}
          {...form.register('reason.en')}
        />
        <div className="app-grid-2">
          <TextField
            label={t('diagnosisAdmin.rules.priority')}
            required
            type="number"
            inputMode="numeric"
            min={0}
            max={1000}
            hint={t('diagnosisAdmin.rules.priorityHint')}
            error={errors.priority}
            {...form.register('priority', { valueAsNumber: true })}
          />
          <div className="dxa-check-cell">
            <Check label={t('diagnosisAdmin.rules.activeLabel')} {...form.register('active')} />
          </div>
        </div>
        <ErrorAlert error={save.error} />
      </form>
    </Dialog>
  );
}
