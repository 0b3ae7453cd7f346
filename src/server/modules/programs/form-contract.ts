import { z } from 'zod';

/** 신청서 양식 (application form) definition: sections → fields. Shared with the web form builder/renderer. */
export const FORM_FIELD_TYPES = [
  'shortText',
  'longText',
  'number',
  'money',
  'date',
  'singleChoice',
  'multiChoice',
  'file',
  'companyField',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Company registry fields a form may prefill (read-only in the form, taken from the company record). */
export const COMPANY_FORM_FIELDS = [
  'name',
  'brn',
  'representative',
  'foundedOn',
  'sizeClass',
  'ksicCode',
  'address',
  'district',
  'employees',
  'revenue',
  'homepage',
  'phone',
  'email',
] as const;

const text2 = z.object({ ko: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') });
const help2 = z.object({
  ko: z.string().trim().max(1000).default(''),
  en: z.string().trim().max(1000).default(''),
});
const key = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'key_format');

export const formField = z.object({
  key,
  type: z.enum(FORM_FIELD_TYPES),
  label: text2,
  help: help2.optional(),
  required: z.boolean().default(false),
  /** text: max characters; file: max megabytes */
  maxLength: z.number().int().min(1).max(100_000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z
    .array(
      z.object({
        value: key,
        ko: z.string().trim().min(1).max(200),
        en: z.string().trim().max(200).default(''),
      }),
    )
    .max(50)
    .optional(),
  companyField: z.enum(COMPANY_FORM_FIELDS).optional(),
  /** file: accepted extensions, e.g. ['pdf','hwp','docx','xlsx','jpg','png'] */
  accept: z
    .array(z.string().regex(/^[a-z0-9]{2,5}$/))
    .max(20)
    .optional(),
  maxSizeMb: z.number().int().min(1).max(100).optional(),
});
export type FormField = z.infer<typeof formField>;

export const formSection = z.object({
  key,
  title: text2,
  help: help2.optional(),
  fields: z.array(formField).min(1).max(60),
});
export type FormSection = z.infer<typeof formSection>;

export const formSections = z
  .array(formSection)
  .min(1)
  .max(20)
  .superRefine((sections, ctx) => {
    const seen = new Set<string>();
    sections.forEach((s, si) => {
      s.fields.forEach((f, fi) => {
        if (seen.has(f.key))
          ctx.addIssue({ code: 'custom', message: 'duplicate_key', path: [si, 'fields', fi, 'key'] });
        seen.add(f.key);
        if ((f.type === 'singleChoice' || f.type === 'multiChoice') && !f.options?.length)
          ctx.addIssue({ code: 'custom', message: 'options_required', path: [si, 'fields', fi, 'options'] });
        if (f.type === 'companyField' && !f.companyField)
          ctx.addIssue({
            code: 'custom',
            message: 'company_field_required',
            path: [si, 'fields', fi, 'companyField'],
          });
      });
    });
  });

/** Answers keyed by field key. Files are file ids; money is integer KRW. */
export const answerValue = z.union([
  z.string().max(100_000),
  z.number(),
  z.array(z.string().max(200)).max(50),
  z.null(),
]);
export const answers = z.record(key, answerValue);
export type Answers = z.infer<typeof answers>;
