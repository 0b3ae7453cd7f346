import { describe, expect, it } from 'vitest';
import { ROLES } from './enums';
import { PERMISSIONS, roleMay, roleMayOwn, rolesFor } from './permissions';

describe('permissions', () => {
  it('derives the role sets of the web screens', () => {
    const set = (a: Parameters<typeof rolesFor>[0]) => [...rolesFor(a)].sort();
    expect(set('company.register')).toEqual(['sme', 'supplier']);
    expect(set('application.apply')).toEqual(['sme', 'supplier']);
    expect(set('company.list')).toEqual(['admin', 'manager', 'partner']);
    expect(set('company.import')).toEqual(['admin', 'manager', 'partner']);
    expect(set('diagnosis.take')).toEqual(['sme']);
    expect(set('diagnosis.read')).toEqual(['admin', 'manager', 'sme']);
    expect(set('diagnosis.analytics')).toEqual(['admin', 'manager', 'viewer']);
    expect(set('diagnosis.invitations')).toEqual(['admin', 'manager', 'partner']);
    expect(set('user.manage')).toEqual(['admin']);
    expect(set('accessLog.read')).toEqual(['admin']);
    for (const a of [
      'call.manage',
      'application.manage',
      'company.merge',
      'claim.review',
      'outbox.manage',
    ] as const)
      expect(set(a)).toEqual(['admin', 'manager']);
  });

  it('never lets the public act and knows only real roles', () => {
    for (const action of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(roleMay('public', action)).toBe(false);
      expect(roleMayOwn(undefined, action)).toBe(false);
      for (const r of rolesFor(action)) expect(ROLES).toContain(r);
    }
  });
});
