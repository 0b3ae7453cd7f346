import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Analytics,
  AnswerValue,
  BeforeAfter,
  beforeAfterQuery,
  Diagnosis,
  Instrument,
  InstrumentContent,
  InvitationCreateBody,
  instrumentListResponse,
  invitationCreateResponse,
  invitationListResponse,
  Recommendation,
  Rule,
  RuleCreateBody,
  RulePatchBody,
  timelineResponse,
} from '../../../../server/modules/diagnosis/contract';
import { api, get, patch, post, type Query, send } from '../../../lib/api-client';

export type {
  Analytics,
  AnswerValue,
  BeforeAfter,
  Diagnosis,
  Instrument,
  InstrumentContent,
  Recommendation,
  Rule,
  RuleCreateBody,
  RulePatchBody,
};
export type Timeline = z.infer<typeof timelineResponse>;
export type InstrumentSummary = z.infer<typeof instrumentListResponse>['items'][number];
export type InvitationList = z.infer<typeof invitationListResponse>;
export type InvitationsCreated = z.infer<typeof invitationCreateResponse>;
export type BeforeAfterParams = Partial<z.input<typeof beforeAfterQuery>>;
export interface AnalyticsFilters {
  sizeClass?: string;
  ksicSection?: string;
  district?: string;
}

export const diagnosisKeys = {
  all: ['diagnosis'] as const,
  one: (id: string) => ['diagnosis', 'one', id] as const,
  timeline: (companyId: string) => ['diagnosis', 'timeline', companyId] as const,
  recommendations: (id: string) => ['diagnosis', 'one', id, 'recommendations'] as const,
  currentInstrument: ['diagnosis', 'instruments', 'current'] as const,
  instruments: ['diagnosis', 'instruments'] as const,
  instrument: (id: string) => ['diagnosis', 'instruments', id] as const,
  rules: ['diagnosis', 'rules'] as const,
  invitations: (p: Query) => ['diagnosis', 'invitations', p] as const,
  analytics: (p: AnalyticsFilters) => ['diagnosis', 'analytics', p] as const,
  beforeAfter: (p: BeforeAfterParams) => ['diagnosis', 'before-after', p] as const,
};

// Taking a diagnosis ------------------------------------------------------------------------------------

export function useTimeline(companyId: string | undefined) {
  return useQuery({
    queryKey: diagnosisKeys.timeline(companyId ?? ''),
    queryFn: () => get<Timeline>(`/companies/${companyId}/diagnoses`),
    enabled: !!companyId,
  });
}

/** Starts a diagnosis for the company, or returns the draft already under way (200). */
export function useStartDiagnosis(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invitationToken?: string) =>
      post<Diagnosis>(`/companies/${companyId}/diagnoses`, invitationToken ? { invitationToken } : {}),
    onSuccess: (d) => {
      qc.setQueryData(diagnosisKeys.one(d.id), d);
      return qc.invalidateQueries({ queryKey: diagnosisKeys.timeline(companyId) });
    },
  });
}

export function useDiagnosis(id: string) {
  return useQuery({ queryKey: diagnosisKeys.one(id), queryFn: () => get<Diagnosis>(`/diagnoses/${id}`) });
}

/** Autosave: sends only what changed (`null` clears an answer); the server merges and returns progress. */
export function useSaveDiagnosisAnswers(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, AnswerValue | null>) =>
      api<Diagnosis>('PUT', `/diagnoses/${id}/answers`, { body: { answers } }),
    onSuccess: (d) => qc.setQueryData(diagnosisKeys.one(id), d),
  });
}

export function useSubmitDiagnosis(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<Diagnosis>(`/diagnoses/${id}/submit`),
    onSuccess: (d) => {
      qc.setQueryData(diagnosisKeys.one(id), d);
      return qc.invalidateQueries({ queryKey: diagnosisKeys.timeline(d.companyId) });
    },
  });
}

export function useRecommendations(id: string, enabled = true) {
  return useQuery({
    queryKey: diagnosisKeys.recommendations(id),
    queryFn: () => get<{ diagnosisId: string; items: Recommendation[] }>(`/diagnoses/${id}/recommendations`),
    enabled,
  });
}

/** Link targets for the report downloads (plain links: the browser handles the file). */
export const reportPdfHref = (id: string, lang: 'ko' | 'en') =>
  `/api/diagnoses/${id}/report.pdf?lang=${lang}`;
export const answersXlsxPath = (id: string) => `/diagnoses/${id}/answers.xlsx`;

// Instruments and recommendation rules (staff) ------------------------------------------------------------

export function useCurrentInstrument() {
  return useQuery({
    queryKey: diagnosisKeys.currentInstrument,
    queryFn: () => get<Instrument>('/diagnosis/instruments/current'),
  });
}

export function useInstruments() {
  return useQuery({
    queryKey: diagnosisKeys.instruments,
    queryFn: () => get<{ items: InstrumentSummary[] }>('/diagnosis/instruments'),
  });
}

export function useInstrument(id: string) {
  return useQuery({
    queryKey: diagnosisKeys.instrument(id),
    queryFn: () => get<Instrument>(`/diagnosis/instruments/${id}`),
    enabled: !!id,
  });
}

export type DraftSource = 'latest' | 'default' | { content: InstrumentContent };

/**
 * Drafts the next instrument version (from the latest version, the built-in default, or the given
 * content). There is one draft at a time: when one exists the server returns it (200, not 201), and
 * `created` is false.
 */
export function useCreateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (source: DraftSource) => {
      const res = await send('POST', '/diagnosis/instruments', {
        body: typeof source === 'string' ? { from: source } : source,
      });
      return { created: res.status === 201, instrument: (await res.json()) as Instrument };
    },
    onSuccess: ({ instrument }) => {
      qc.setQueryData(diagnosisKeys.instrument(instrument.id), instrument);
      return qc.invalidateQueries({ queryKey: diagnosisKeys.instruments, exact: true });
    },
  });
}

export function useUpdateInstrument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { content: InstrumentContent; revision: number }) =>
      api<Instrument>('PUT', `/diagnosis/instruments/${id}`, { body }),
    onSuccess: (i) => qc.setQueryData(diagnosisKeys.instrument(id), i),
  });
}

export function usePublishInstrument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<Instrument>(`/diagnosis/instruments/${id}/publish`),
    onSuccess: () => qc.invalidateQueries({ queryKey: diagnosisKeys.all }),
  });
}

export function useDeleteInstrument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>('DELETE', `/diagnosis/instruments/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: diagnosisKeys.instruments }),
  });
}

export function useRules() {
  return useQuery({
    queryKey: diagnosisKeys.rules,
    queryFn: () => get<{ items: Rule[] }>('/diagnosis/recommendation-rules'),
  });
}

export function useSaveRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RuleCreateBody | RulePatchBody }) =>
      id
        ? patch<Rule>(`/diagnosis/recommendation-rules/${id}`, body)
        : post<Rule>('/diagnosis/recommendation-rules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: diagnosisKeys.rules }),
  });
}

export function useDeleteRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>('DELETE', `/diagnosis/recommendation-rules/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: diagnosisKeys.rules }),
  });
}

// Invitations, analytics, before/after (staff and partners) -------------------------------------------------

export function useInvitations(params: { status?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: diagnosisKeys.invitations(params),
    queryFn: () => get<InvitationList>('/diagnosis/invitations', params),
    placeholderData: keepPreviousData,
  });
}

export function useInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationCreateBody) => post<InvitationsCreated>('/diagnosis/invitations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['diagnosis', 'invitations'] }),
  });
}

export function useAnalytics(filters: AnalyticsFilters) {
  return useQuery({
    queryKey: diagnosisKeys.analytics(filters),
    queryFn: () => get<Analytics>('/diagnosis/analytics', filters as Query),
    placeholderData: keepPreviousData,
  });
}

export function useBeforeAfter(params: BeforeAfterParams) {
  return useQuery({
    queryKey: diagnosisKeys.beforeAfter(params),
    queryFn: () => get<BeforeAfter>('/diagnosis/before-after', params as Query),
    placeholderData: keepPreviousData,
  });
}
