import { createContext, useContext } from 'react';
import type {
  Call,
  CallAttachment,
  CallCreateBody,
  CallPatchBody,
} from '../../../../server/modules/programs/contract';
import type { EligibilityRule } from '../../../../server/modules/programs/eligibility-contract';
import type {
  FormField,
  FormFieldType,
  FormSection,
} from '../../../../server/modules/programs/form-contract';
import type { ApiError } from '../../../lib/api-client';
import type { ErrorLike } from '../../../lib/use-field-error';

/** The call editor's working copy. Rows carry a client-only `uid` so keys stay stable while keys/labels are typed. */
export interface EOption {
  uid: string;
  value: string;
  ko: string;
  en: string;
}
export type EField = Omit<FormField, 'options'> & { uid: string; options?: EOption[] };
export type ESection = Omit<FormSection, 'fields'> & { uid: string; fields: EField[] };
export interface EDocument {
  uid: string;
  key: string;
  ko: string;
  en: string;
  required: boolean;
}

export interface Draft {
  programId: string;
  year: string;
  title: string;
  body: string;
  /** `YYYY-MM-DDTHH:mm` in Korea Standard Time, whatever the browser's zone */
  opensAt: string;
  closesAt: string;
  evaluationAt: string;
  announceAt: string;
  capacity: string;
  maxApplications: string;
  perFirmCap: number | null;
  totalBudget: number | null;
  eligibility: EligibilityRule[];
  requiredDocuments: EDocument[];
  attachments: CallAttachment[];
  sections: ESection[];
}

let seq = 0;
export const uid = () => `u${++seq}`;

const KST_MS = 9 * 3600_000;
/** An instant as the value of a datetime-local input, in KST. */
export function toKstInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + KST_MS).toISOString().slice(0, 16);
}
/** A datetime-local value read as KST → ISO 8601 with +09:00; '' → null. */
export const fromKstInput = (v: string): string | null => (v ? `${v.slice(0, 16)}:00+09:00` : null);

/** The current year in Korea. */
export const kstYear = () => new Date(Date.now() + KST_MS).getUTCFullYear();

export function withUids(sections: FormSection[]): ESection[] {
  return sections.map((s) => ({
    ...s,
    uid: uid(),
    fields: s.fields.map((f) => ({
      ...f,
      uid: uid(),
      options: f.options?.map((o) => ({ ...o, uid: uid() })),
    })),
  }));
}

export function toSections(sections: ESection[]): FormSection[] {
  return sections.map(({ uid: _s, fields, ...s }) => ({
    ...s,
    fields: fields.map(({ uid: _f, options, ...f }) => ({
      ...f,
      ...(options ? { options: options.map(({ uid: _o, ...o }) => o) } : {}),
    })),
  }));
}

export function emptyDraft(defaultSection: { ko: string; en: string }): Draft {
  return {
    programId: '',
    year: String(kstYear()),
    title: '',
    body: '',
    opensAt: '',
    closesAt: '',
    evaluationAt: '',
    announceAt: '',
    capacity: '',
    maxApplications: '',
    perFirmCap: null,
    totalBudget: null,
    eligibility: [],
    requiredDocuments: [],
    attachments: [],
    sections: [{ uid: uid(), key: 'basic', title: defaultSection, fields: [] }],
  };
}

export function draftFromCall(c: Call): Draft {
  return {
    programId: c.programId,
    year: String(c.year),
    title: c.title,
    body: c.body,
    opensAt: toKstInput(c.opensAt),
    closesAt: toKstInput(c.closesAt),
    evaluationAt: toKstInput(c.evaluationAt),
    announceAt: toKstInput(c.announceAt),
    capacity: String(c.capacity),
    maxApplications: c.maxApplications === null ? '' : String(c.maxApplications),
    perFirmCap: c.perFirmCap,
    totalBudget: c.totalBudget,
    eligibility: c.eligibility,
    requiredDocuments: c.requiredDocuments.map((d) => ({ ...d, uid: uid() })),
    attachments: c.attachments,
    sections: withUids(c.form.sections),
  };
}

/** '' → undefined (the server says "required"), otherwise a number (NaN is sent as null and refused). */
const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(/,/g, '')));
const optionalNum = (v: string) => (v.trim() === '' ? null : Number(v.replace(/,/g, '')));

function common(d: Draft) {
  return {
    title: d.title,
    body: d.body,
    opensAt: fromKstInput(d.opensAt) ?? undefined,
    closesAt: fromKstInput(d.closesAt) ?? undefined,
    evaluationAt: fromKstInput(d.evaluationAt),
    announceAt: fromKstInput(d.announceAt),
    capacity: num(d.capacity),
    maxApplications: optionalNum(d.maxApplications),
    perFirmCap: d.perFirmCap,
    totalBudget: d.totalBudget,
    eligibility: d.eligibility,
    requiredDocuments: d.requiredDocuments.map(({ uid: _u, ...r }) => r),
    attachmentIds: d.attachments.map((a) => a.id),
  };
}

/** The POST /calls body (sent as typed; the server validates and answers with field paths). */
export function createBody(d: Draft): CallCreateBody {
  return {
    programId: d.programId || undefined,
    year: num(d.year),
    ...common(d),
    form: toSections(d.sections),
  } as CallCreateBody;
}

/** JSON with sorted keys, to tell whether the form changed. */
export const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/** The PATCH /calls/:id body; the form only when it changed (a changed form in use becomes a new version). */
export function patchBody(d: Draft, call: Call): CallPatchBody {
  const form = toSections(d.sections);
  const changed = canonical(form) !== canonical(call.form.sections);
  return { ...common(d), ...(changed ? { form } : {}), version: call.version } as CallPatchBody;
}

/** Server field errors by path (`body.` dropped): 'title', 'form.0.fields.1.label.ko', … */
export type Errors = Record<string, string>;
export function errorsFrom(e: ApiError): Errors {
  const out: Errors = {};
  for (const f of e.fields) {
    const path = f.path.replace(/^body\./, '');
    if (!out[path]) out[path] = f.message;
  }
  return out;
}

/** Paths an editor control shows an error for; anything else is listed in the summary. */
const PLACED = [
  /^(programId|year|title|body|opensAt|closesAt|evaluationAt|announceAt|capacity|maxApplications|perFirmCap|totalBudget|attachmentIds|eligibility|requiredDocuments|form)$/,
  /^eligibility\.\d+(\.\w+)?$/,
  /^requiredDocuments\.\d+\.(key|ko|en)$/,
  /^form\.\d+\.(key|title\.ko|title\.en|fields)$/,
  /^form\.\d+\.fields\.\d+\.(key|type|label\.ko|label\.en|help\.ko|help\.en|maxLength|min|max|options|companyField|accept|maxSizeMb)$/,
  /^form\.\d+\.fields\.\d+\.options\.\d+\.(value|ko|en)$/,
];
export const isPlaced = (path: string) => PLACED.some((r) => r.test(path));

export const ErrorsContext = createContext<Errors>({});
/** The server's error for one path, as a Field `error` prop. */
export function useErr() {
  const errors = useContext(ErrorsContext);
  return (path: string): ErrorLike | undefined => (errors[path] ? { message: errors[path] } : undefined);
}

/** A key not used yet among `taken`: prefix1, prefix2, … */
export function freshKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export const CHOICE_TYPES: FormFieldType[] = ['singleChoice', 'multiChoice'];
export const TEXT_TYPES: FormFieldType[] = ['shortText', 'longText'];

/** Moves item i by d (-1 up, +1 down); returns a new array. */
export function move<T>(list: T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}
