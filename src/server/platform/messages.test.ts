import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldMessage } from './messages';

const issue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0];
};

describe('field messages from zod issues', () => {
  it('an empty required text is "required", a short one "too short"', () => {
    const empty = issue(z.string().trim().min(1), '  ');
    expect(zodFieldMessage(empty.code, empty.message, 'ko')).toBe('필수 항목입니다.');
    const short = issue(z.string().min(2), 'a');
    expect(zodFieldMessage(short.code, short.message, 'ko')).toBe('값이 너무 짧거나 작습니다.');
    const missing = issue(z.object({ a: z.string() }), {});
    expect(zodFieldMessage(missing.code, missing.message, 'en')).toMatch(/required/i);
  });
});
