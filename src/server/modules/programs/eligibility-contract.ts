import { z } from 'zod';
import { SIZE_CLASSES } from '../../../shared/enums';

/** 신청자격: machine-checked conditions of a call. Later modules add rule types (e.g. hasDiagnosis). */
export const eligibilityRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('seoulLocated') }),
  z.object({ type: z.literal('sizeClasses'), allowed: z.array(z.enum(SIZE_CLASSES)).min(1) }),
  z.object({ type: z.literal('ksicSections'), allowed: z.array(z.string().regex(/^[A-U]$/)).min(1) }),
  z.object({ type: z.literal('foundedWithinYears'), years: z.number().int().min(1).max(100) }),
  z.object({ type: z.literal('notSelectedSameProgramYear') }),
  z.object({ type: z.literal('hasDiagnosis'), withinMonths: z.number().int().min(1).max(60) }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRule>;
export type EligibilityRuleType = EligibilityRule['type'];

export const eligibilityCheck = z.object({
  type: z.string(),
  ok: z.boolean(),
  /** plain-language reason, Korean and English */
  reason: z.object({ ko: z.string(), en: z.string() }),
});
export const eligibilityResult = z.object({
  companyId: z.uuid(),
  eligible: z.boolean(),
  checks: z.array(eligibilityCheck),
});
export type EligibilityResult = z.infer<typeof eligibilityResult>;
