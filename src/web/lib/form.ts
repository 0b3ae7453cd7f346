import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from './api-client';

/**
 * Per-parse zod error map for forms: every issue without a schema-level message becomes a message
 * code that the UI translates (fieldErrors.* in i18n). Schema messages such as 'brn_checksum' win.
 */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'required';
  if (issue.code === 'invalid_type' && typeof issue.input === 'number' && Number.isNaN(issue.input))
    return 'number_format';
  return issue.code;
};

export const zodOptions = { error: formErrorMap };

/**
 * Puts the server's field errors (`fields: [{ path, message }]`) on the matching form fields.
 * Returns the errors no field could show, for an alert.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  known: readonly string[],
): string[] {
  const rest: string[] = [];
  for (const f of error.fields) {
    const path = f.path.replace(/^(body|query)\./, '');
    if (known.includes(path))
      setError(path as Path<T>, { type: 'server', message: f.message }, { shouldFocus: true });
    else rest.push(f.message);
  }
  return rest;
}

/** '' → null for optional text inputs. */
export const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
/** '' → null, otherwise a number (NaN fails validation with a clear message). */
export const toNumberOrNull = (v: unknown) =>
  v === '' || v === null || v === undefined ? null : Number(String(v).replace(/,/g, ''));
/** 'a, b' → ['a', 'b'] */
export const toList = (v: unknown) =>
  Array.isArray(v)
    ? v
    : String(v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
