import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps same-site paths and refuses other origins', () => {
    expect(safeNext('/diagnosis/start?invite=abc')).toBe('/diagnosis/start?invite=abc');
    expect(safeNext(null)).toBeNull();
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)'])
      expect(safeNext(bad), bad).toBeNull();
  });
});
