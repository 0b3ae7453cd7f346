import type { FieldError } from '../../platform/errors';
import type { Answers, FormField, FormSection } from '../programs/form-contract';

/** Checks saved answers against the form: unknown keys and wrong types always, required ones at submit. */
export function validateAnswers(
  sections: FormSection[],
  answers: Answers,
  opts: { submit: boolean; fileKeys?: Set<string> },
): FieldError[] {
  const fields = new Map<string, FormField>(
    sections.flatMap((s) => s.fields.map((f) => [f.key, f] as const)),
  );
  const errors: FieldError[] = [];
  for (const key of Object.keys(answers)) {
    if (!fields.has(key)) errors.push({ path: `answers.${key}`, message: 'unknown_field' });
  }
  for (const f of fields.values()) {
    const v = answers[f.key];
    const path = `answers.${f.key}`;
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (f.type === 'companyField') continue;
    if (f.type === 'file') {
      if (opts.submit && f.required && !opts.fileKeys?.has(f.key)) errors.push({ path, message: 'required' });
      continue;
    }
    if (empty) {
      if (opts.submit && f.required) errors.push({ path, message: 'required' });
      continue;
    }
    switch (f.type) {
      case 'shortText':
      case 'longText':
        if (typeof v !== 'string') errors.push({ path, message: 'invalid_type' });
        else if ([...v].length > (f.maxLength ?? (f.type === 'shortText' ? 200 : 5000)))
          errors.push({ path, message: 'too_big' });
        break;
      case 'number':
      case 'money':
        if (
          typeof v !== 'number' ||
          !Number.isFinite(v) ||
          (f.type === 'money' && (!Number.isInteger(v) || v < 0))
        )
          errors.push({ path, message: 'invalid_type' });
        else if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max))
          errors.push({ path, message: f.min !== undefined && v < f.min ? 'too_small' : 'too_big' });
        break;
      case 'date':
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
          errors.push({ path, message: 'date_format' });
        break;
      case 'singleChoice':
        if (typeof v !== 'string' || !f.options?.some((o) => o.value === v))
          errors.push({ path, message: 'invalid_value' });
        break;
      case 'multiChoice':
        if (!Array.isArray(v) || v.some((x) => !f.options?.some((o) => o.value === x)))
          errors.push({ path, message: 'invalid_value' });
        break;
    }
  }
  return errors;
}
