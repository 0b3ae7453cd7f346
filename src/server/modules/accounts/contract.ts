import { z } from 'zod';
import { ROLES, SELF_SIGNUP_ROLES } from '../../../shared/enums';
import { emailSchema, nameSchema, pagingQuery, phoneSchema } from '../../../shared/validators';

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(200),
});

export const passwordSchema = z.string().min(12, 'password_too_short').max(128, 'password_too_long');

export const signupBody = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema(100).min(1),
  phone: phoneSchema.nullish(),
  role: z.enum(SELF_SIGNUP_ROLES),
  consents: z.strictObject({
    terms: z.literal(true, { message: 'consent_required' }),
    privacy: z.literal(true, { message: 'consent_required' }),
    marketing: z.boolean().default(false),
  }),
  /** same-site path to continue to after the e-mail link is confirmed (e.g. an invitation) */
  next: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])/, 'invalid_value')
    .nullish(),
});
export type SignupBody = z.infer<typeof signupBody>;

/** The same answer for new and registered addresses; `delivery` says how the mail reaches the person. */
export const signupAcceptedResponse = z.object({
  status: z.literal('check_email'),
  /** smtp: mailed; outbox: this installation sends no mail; demo_mailbox: shown at /demo/mailbox */
  delivery: z.enum(['smtp', 'outbox', 'demo_mailbox']),
});
export type SignupAccepted = z.infer<typeof signupAcceptedResponse>;
export const signupVerifyBody = z.strictObject({ token: z.string().min(16).max(200) });

export const sessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  companyIds: z.array(z.string()),
  associationIds: z.array(z.string()),
  isDemo: z.boolean(),
});
export type SessionUserDto = z.infer<typeof sessionUser>;

export const meResponse = z.object({
  user: sessionUser.nullable(),
  /** send back as the x-csrf-token header on POST/PUT/PATCH/DELETE */
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;
export const signupVerifyResponse = meResponse.extend({ next: z.string().nullable() });
export type SignupVerifyResponse = z.infer<typeof signupVerifyResponse>;

export const demoMailboxQuery = z.strictObject({ email: z.string().trim().toLowerCase().min(3).max(254) });
export const demoMailboxResponse = z.object({
  items: z.array(z.object({ id: z.string(), subject: z.string(), body: z.string(), createdAt: z.string() })),
});

export const okResponse = z.object({ ok: z.literal(true) });

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  active: z.boolean(),
  isDemo: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  associationIds: z.array(z.string()),
});
export type User = z.infer<typeof userSchema>;

export const userListQuery = pagingQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});
export const userListResponse = z.object({
  items: z.array(userSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const userCreateBody = z.strictObject({
  email: emailSchema,
  name: nameSchema(100).min(1),
  phone: phoneSchema.nullish(),
  role: z.enum(ROLES),
  password: passwordSchema,
  associationIds: z.array(z.uuid()).max(10).optional(),
});

export const userPatchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    associationIds: z.array(z.uuid()).max(10).optional(),
    unlock: z.literal(true).optional(),
    reason: z.string().trim().max(300).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'reason'), { message: 'empty_patch' });

export const roleChangeSchema = z.object({
  id: z.number(),
  userId: z.string(),
  fromRole: z.string().nullable(),
  toRole: z.string().nullable(),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export const roleChangesResponse = z.object({ items: z.array(roleChangeSchema) });

export const associationSchema = z.object({ id: z.uuid(), name: z.string(), memberCount: z.number() });
export const associationsResponse = z.object({ items: z.array(associationSchema) });
export const associationCreateBody = z.strictObject({ name: z.string().trim().min(2).max(100) });

export const accessLogQuery = pagingQuery.extend({
  userId: z.uuid().optional(),
  subjectId: z.string().max(64).optional(),
});
export const accessLogResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      ip: z.string().nullable(),
      action: z.string(),
      subjectType: z.string(),
      subjectId: z.string().nullable(),
      recordCount: z.number(),
      reason: z.string().nullable(),
    }),
  ),
  total: z.number(),
});
