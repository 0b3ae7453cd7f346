import { z } from 'zod';
import { ROLES } from '../../../shared/enums';
import { phoneSchema } from '../../../shared/validators';
import { passwordSchema } from './contract';

/** Password reset by e-mail link (비밀번호 찾기). */
export const passwordResetBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(3).max(254),
});
export const passwordResetConfirmBody = z.strictObject({
  token: z.string().min(16).max(200),
  password: passwordSchema,
});
export const acceptedResponse = z.object({ ok: z.literal(true) });

/** Self-service account (내 정보). */
export const accountResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  isDemo: z.boolean(),
  createdAt: z.string(),
  marketing: z.object({ granted: z.boolean(), at: z.string().nullable() }),
  consents: z.array(
    z.object({
      kind: z.string(),
      version: z.string(),
      granted: z.boolean(),
      at: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  /** firms the person belongs to, for the 회원탈퇴 explanation (an owner's firm gets a new owner or none) */
  companies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      status: z.string(),
      /** you own the firm and another active member will become its owner when you leave */
      nextOwner: z.boolean(),
    }),
  ),
});
export type AccountDto = z.infer<typeof accountResponse>;

export const accountPatchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    phone: phoneSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'empty_patch' });

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const marketingConsentBody = z.strictObject({ granted: z.boolean() });

export const accountDeleteBody = z.strictObject({ password: z.string().min(1).max(200) });
