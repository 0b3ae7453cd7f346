import type {
  Dimension,
  InstrumentContent,
  Question,
  QuestionType,
  StageDef,
} from '../../../../../server/modules/diagnosis/instrument-contract';

/**
 * The editor's working copy of an instrument version. Same shape (and so the same field paths) as
 * the contract's content, except: every list item carries a client-side `uid` (stable React keys
 * when items move), optional wordings are always present (empty = left out), numbers are the text
 * of their inputs, and a question keeps the fields of every type so switching type loses nothing.
 */
export interface LangPair {
  ko: string;
  en: string;
}
export interface FormOption {
  uid: string;
  value: string;
  label: LangPair;
  points: string;
  exclusive: boolean;
}
export interface FormQuestion {
  uid: string;
  key: string;
  type: QuestionType;
  text: LangPair;
  help: LangPair;
  required: boolean;
  weight: string;
  options: FormOption[];
  allowPlanned: boolean;
  minLabel: LangPair;
  maxLabel: LangPair;
}
export interface FormDimension {
  uid: string;
  key: string;
  title: LangPair;
  description: LangPair;
  advice: LangPair;
  weight: string;
  questions: FormQuestion[];
}
export interface FormStage {
  uid: string;
  min: string;
  label: LangPair;
  description: LangPair;
}
export interface FormContent {
  title: LangPair;
  description: LangPair;
  dimensions: FormDimension[];
  stages: FormStage[];
}

let seq = 0;
export const uid = () => `u${++seq}`;
const pair = (w?: { ko: string; en?: string }): LangPair => ({ ko: w?.ko ?? '', en: w?.en ?? '' });
const num = (n: number | undefined, fallback: number) => String(n ?? fallback);

function fromQuestion(q: Question): FormQuestion {
  return {
    uid: uid(),
    key: q.key,
    type: q.type,
    text: pair(q.text),
    help: pair(q.help),
    required: q.required ?? true,
    weight: num(q.weight, 1),
    options:
      q.type === 'single' || q.type === 'multi'
        ? q.options.map((o) => ({
            uid: uid(),
            value: o.value,
            label: pair(o.label),
            points: String(o.points),
            exclusive: !!o.exclusive,
          }))
        : [],
    allowPlanned: q.type === 'multi' ? !!q.allowPlanned : false,
    minLabel: pair(q.type === 'scale' ? q.minLabel : undefined),
    maxLabel: pair(q.type === 'scale' ? q.maxLabel : undefined),
  };
}

export function fromContent(c: InstrumentContent): FormContent {
  return {
    title: pair(c.title),
    description: pair(c.description),
    stages: c.stages.map((s) => ({
      uid: uid(),
      min: String(s.min),
      label: pair(s.label),
      description: pair(s.description),
    })),
    dimensions: c.dimensions.map((d) => ({
      uid: uid(),
      key: d.key,
      title: pair(d.title),
      description: pair(d.description),
      advice: pair(d.advice),
      weight: num(d.weight, 1),
      questions: d.questions.map(fromQuestion),
    })),
  };
}

/** '' → NaN, which JSON sends as null: the server answers "required" on that field. */
const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/,/g, '')));
const wording = (p: LangPair) => ({ ko: p.ko.trim(), en: p.en.trim() });
/** An optional wording: left out when both languages are empty. */
const optional = (p: LangPair) => (p.ko.trim() || p.en.trim() ? wording(p) : undefined);

function toQuestion(q: FormQuestion): Question {
  const base = {
    key: q.key.trim(),
    text: wording(q.text),
    help: optional(q.help),
    required: q.required,
    weight: toNumber(q.weight),
  };
  const options = q.options.map((o) => ({
    value: o.value.trim(),
    label: wording(o.label),
    points: toNumber(o.points),
    ...(q.type === 'multi' && o.exclusive ? { exclusive: true } : {}),
  }));
  switch (q.type) {
    case 'single':
      return { ...base, type: 'single', options };
    case 'multi':
      return { ...base, type: 'multi', options, allowPlanned: q.allowPlanned };
    case 'scale':
      return { ...base, type: 'scale', minLabel: optional(q.minLabel), maxLabel: optional(q.maxLabel) };
    default:
      return { ...base, type: q.type };
  }
}

export function toContent(f: FormContent): InstrumentContent {
  return {
    title: wording(f.title),
    description: optional(f.description),
    dimensions: f.dimensions.map(
      (d): Dimension => ({
        key: d.key.trim(),
        title: wording(d.title),
        description: optional(d.description),
        advice: optional(d.advice),
        weight: toNumber(d.weight),
        questions: d.questions.map(toQuestion),
      }),
    ),
    stages: f.stages.map(
      (s, i): StageDef => ({
        stage: i + 1,
        min: toNumber(s.min),
        label: wording(s.label),
        description: optional(s.description),
      }),
    ),
  };
}

/** What is compared to tell unsaved changes (NaN and '' both serialise to null). */
export const fingerprint = (f: FormContent) => JSON.stringify(toContent(f));

// New items ----------------------------------------------------------------------------------------------

function freshKey(prefix: string, taken: Set<string>) {
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function newOption(taken: FormOption[], points = 0): FormOption {
  return {
    uid: uid(),
    value: freshKey('o', new Set(taken.map((o) => o.value))),
    label: { ko: '', en: '' },
    points: String(points),
    exclusive: false,
  };
}

export function newQuestion(f: FormContent): FormQuestion {
  const keys = new Set(f.dimensions.flatMap((d) => d.questions.map((q) => q.key)));
  const first = newOption([], 0);
  return {
    uid: uid(),
    key: freshKey('question', keys),
    type: 'yesPartlyNo',
    text: { ko: '', en: '' },
    help: { ko: '', en: '' },
    required: true,
    weight: '1',
    options: [first, newOption([first], 1)],
    allowPlanned: false,
    minLabel: { ko: '', en: '' },
    maxLabel: { ko: '', en: '' },
  };
}

export function newDimension(f: FormContent): FormDimension {
  const d: FormDimension = {
    uid: uid(),
    key: freshKey('dimension', new Set(f.dimensions.map((x) => x.key))),
    title: { ko: '', en: '' },
    description: { ko: '', en: '' },
    advice: { ko: '', en: '' },
    weight: '1',
    questions: [],
  };
  d.questions.push(newQuestion(f));
  return d;
}

export function newStage(f: FormContent): FormStage {
  const last = Number(f.stages.at(-1)?.min ?? 0);
  return {
    uid: uid(),
    min: String(Math.min(100, (Number.isFinite(last) ? last : 0) + 10)),
    label: { ko: '', en: '' },
    description: { ko: '', en: '' },
  };
}

// Immutable updates by path ----------------------------------------------------------------------------

export type Path = readonly (string | number)[];

// biome-ignore lint/suspicious/noExplicitAny: a generic structural update
type Any = any;

/** Returns a copy of `obj` with `fn` applied to the value at `path` (untouched branches are shared). */
export function updateAt<T>(obj: T, path: Path, fn: (v: Any) => Any): T {
  if (path.length === 0) return fn(obj);
  const [head, ...rest] = path;
  if (Array.isArray(obj)) {
    const copy = obj.slice();
    copy[head as number] = updateAt(copy[head as number], rest, fn);
    return copy as T;
  }
  const o = obj as Record<string, unknown>;
  return { ...o, [head]: updateAt(o[head as string], rest, fn) } as T;
}

export type Action =
  | { type: 'set'; path: Path; value: unknown }
  | { type: 'insert'; path: Path; item: unknown }
  | { type: 'remove'; path: Path; index: number }
  | { type: 'move'; path: Path; from: number; to: number }
  | { type: 'reset'; value: FormContent };

export function reducer(state: FormContent, a: Action): FormContent {
  switch (a.type) {
    case 'reset':
      return a.value;
    case 'set':
      return updateAt(state, a.path, () => a.value);
    case 'insert':
      return updateAt(state, a.path, (list: unknown[]) => [...list, a.item]);
    case 'remove':
      return updateAt(state, a.path, (list: unknown[]) => list.filter((_, i) => i !== a.index));
    case 'move':
      return updateAt(state, a.path, (list: unknown[]) => {
        if (a.to < 0 || a.to >= list.length) return list;
        const copy = list.slice();
        const [item] = copy.splice(a.from, 1);
        copy.splice(a.to, 0, item);
        return copy;
      });
  }
}

// Server field errors -------------------------------------------------------------------------------------

/** Field path ('dimensions.0.questions.2.text.ko') → message. */
export type FieldErrors = ReadonlyMap<string, string>;

/** The server's field errors, with the request-body prefix (`content.`) taken off. */
export function toFieldErrors(fields: readonly { path: string; message: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fields) {
    const p = f.path.replace(/^(body\.)?(content\.)?/, '');
    if (!out.has(p)) out.set(p, f.message);
  }
  return out;
}

export const joinPath = (path: Path, ...more: (string | number)[]) => [...path, ...more].join('.');

/** Errors at or below a path (to mark a collapsed block that holds an error). */
export function countErrorsUnder(errors: FieldErrors, path: Path): number {
  const p = path.join('.');
  let n = 0;
  for (const k of errors.keys()) if (k === p || k.startsWith(`${p}.`)) n++;
  return n;
}
