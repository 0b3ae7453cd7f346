import type { z } from 'zod';
import type { eligibilityCheck } from './eligibility-contract';

export type { EligibilityRule, EligibilityRuleType } from './eligibility-contract';
export type EligibilityCheck = z.infer<typeof eligibilityCheck>;
