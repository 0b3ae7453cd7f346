import { z } from 'zod';
import { isValidBrn, isValidCrn, normalizeBrn } from './brn';
import { DISTRICT_CODES } from './districts';
import { isValidKsicCode } from './ksic';

/**
 * Zod building blocks shared by server and web. Custom messages are message codes, rendered
 * in Korean or English by the server's error handler and the web app's i18n.
 */
export const brnSchema = z
  .string()
  .trim()
  .transform(normalizeBrn)
  .pipe(
    z
      .string()
      .regex(/^\d{10}$/, 'brn_format')
      .refine(isValidBrn, 'brn_checksum'),
  );

export const crnSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{13}$/, 'crn_format')
      .refine(isValidCrn, 'crn_checksum'),
  );

/** A real calendar date YYYY-MM-DD (2021-02-30 and year 0000 are refused). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format')
  .refine(isRealDate, 'date_format');

export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1900;
}

export const ksicCodeSchema = z.string().trim().refine(isValidKsicCode, 'ksic_unknown');
export const districtSchema = z.enum(DISTRICT_CODES, { message: 'district_unknown' });

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, 'phone_format');

export const emailSchema = z.string().trim().toLowerCase().email('email_format').max(254);

/**
 * C0/C1 control characters and Unicode bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9),
 * which can disguise a name or a file name ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and bidi characters (names, file names); other text is left as it is. */
export function stripUnsafeChars(s: string): string {
  return s.replace(UNSAFE_CHARS, '');
}

/** A person's or a firm's name: control and bidi characters stripped, trimmed. */
export const nameSchema = (max: number) => z.string().overwrite(stripUnsafeChars).trim().max(max);

/** Today's date in Korea (YYYY-MM-DD), for "not in the future" checks. */
export const todayInSeoul = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

/** A past or present date (founding dates): refused when after today in Korea. */
export const pastDateSchema = isoDateSchema.refine((d) => d <= todayInSeoul(), 'date_in_future');

/** An http(s) address (homepages); javascript:, data:, ftp: and the like are refused. */
export const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'url_format' });

export const uuidParam = z.object({ id: z.uuid() });

/** Server-side paging: page is 1-based; pageSize capped. */
export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const moneySchema = z.number().int().min(0).max(1e15);
