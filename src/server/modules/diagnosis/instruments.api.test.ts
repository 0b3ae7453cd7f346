import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';
import type { Instrument, InstrumentContent } from './contract';

const t = setupTestApp({ firms: 40 });

describe('instrument versions', () => {
  it('staff draft v2 from v1, edit it (optimistic revision), publish; published versions are immutable', async () => {
    const mgr = await t().loginAs('manager');
    const list = (await mgr.inject({ method: 'GET', url: '/api/diagnosis/instruments' })).json();
    expect(list.items).toHaveLength(1);
    const v1 = list.items[0];
    expect(v1).toMatchObject({ version: 1, status: 'published', current: true });
    expect(list.items[0].content).toBeUndefined();

    // an SME starts before the new version is published: its draft keeps v1
    const sme = await t().loginAs('sme');
    const [{ id: own }] = await t().handle.query<{ id: string }>(
      `SELECT id FROM companies WHERE name = '디지털존'`,
    );
    const early = (
      await sme.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses`, payload: {} })
    ).json();
    expect(early.instrumentVersion).toBe(1);

    const created = await mgr.inject({ method: 'POST', url: '/api/diagnosis/instruments', payload: {} });
    expect(created.statusCode).toBe(201);
    const v2: Instrument = created.json();
    expect(v2).toMatchObject({ version: 2, status: 'draft', revision: 1, current: false });
    const v1full = (await mgr.inject({ method: 'GET', url: `/api/diagnosis/instruments/${v1.id}` })).json();
    expect(v2.content).toEqual(v1full.content);
    // one draft at a time: drafting again returns it
    const again = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/instruments',
      payload: { from: 'default' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(v2.id);

    const content: InstrumentContent = structuredClone(v2.content);
    content.dimensions[0].questions[0].text.ko = '디지털 전환 방향이 문서로 정리되어 있습니까? (2판)';
    content.stages[1].min = 25;
    const stale = await mgr.inject({
      method: 'PUT',
      url: `/api/diagnosis/instruments/${v2.id}`,
      payload: { content, revision: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const invalid = structuredClone(content);
    invalid.stages[2].min = 5;
    const bad = await mgr.inject({
      method: 'PUT',
      url: `/api/diagnosis/instruments/${v2.id}`,
      payload: { content: invalid, revision: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('content.stages.2');
    const edited = await mgr.inject({
      method: 'PUT',
      url: `/api/diagnosis/instruments/${v2.id}`,
      payload: { content, revision: 1 },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().revision).toBe(2);

    // v1 is published: every edit is a 409
    for (const [method, url, payload] of [
      ['PUT', `/api/diagnosis/instruments/${v1.id}`, { content, revision: 1 }],
      ['POST', `/api/diagnosis/instruments/${v1.id}/publish`, undefined],
      ['DELETE', `/api/diagnosis/instruments/${v1.id}`, undefined],
    ] as const) {
      const res = await mgr.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(res.json().error.code).toBe('instrument_published');
    }

    const published = await mgr.inject({
      method: 'POST',
      url: `/api/diagnosis/instruments/${v2.id}/publish`,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, status: 'published', current: true });
    const cur = (await t().app.inject({ method: 'GET', url: '/api/diagnosis/instruments/current' })).json();
    expect(cur.version).toBe(2);
    expect(cur.content.stages[1].min).toBe(25);
    const afterPublish = await mgr.inject({
      method: 'PUT',
      url: `/api/diagnosis/instruments/${v2.id}`,
      payload: { content, revision: 2 },
    });
    expect(afterPublish.statusCode).toBe(409);

    // the database refuses changes to published versions too
    await expect(
      t().handle.query(`UPDATE diagnosis_instruments SET content = '{}'::jsonb WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      t().handle.query(`DELETE FROM diagnosis_instruments WHERE id = $1`, [v2.id]),
    ).rejects.toThrow(/immutable/);

    // the SME's draft stays on v1; a new diagnosis uses v2
    const resumed = (await sme.inject({ method: 'GET', url: `/api/diagnoses/${early.id}` })).json();
    expect(resumed.instrumentVersion).toBe(1);
    expect(resumed.instrument.dimensions[0].questions[0].text.ko).not.toContain('2판');

    // a draft from the built-in default can be discarded
    const v3 = await mgr.inject({
      method: 'POST',
      url: '/api/diagnosis/instruments',
      payload: { from: 'default' },
    });
    expect(v3.json()).toMatchObject({ version: 3, status: 'draft' });
    expect(
      (await mgr.inject({ method: 'DELETE', url: `/api/diagnosis/instruments/${v3.json().id}` })).json(),
    ).toEqual({
      ok: true,
    });
    const versions = (await mgr.inject({ method: 'GET', url: '/api/diagnosis/instruments' })).json();
    expect(versions.items.map((i: Instrument) => [i.version, i.status, i.current])).toEqual([
      [2, 'published', true],
      [1, 'published', false],
    ]);

    const audits = await t().handle.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'instrument' ORDER BY id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'instrument.install_default',
      'instrument.create',
      'instrument.update',
      'instrument.publish',
      'instrument.create',
      'instrument.delete',
    ]);
    expect((await sme.inject({ method: 'GET', url: '/api/diagnosis/instruments' })).statusCode).toBe(403);
  });

  it('diagnoses started after the publication use the new version; a stage threshold change applies to it', async () => {
    const sme = await t().loginAs('sme');
    const [{ id: own }] = await t().handle.query<{ id: string }>(
      `SELECT id FROM companies WHERE name = '디지털존'`,
    );
    const draft = (
      await sme.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses`, payload: {} })
    ).json();
    // the v1 draft from before is resumed: one draft per company
    expect(draft.instrumentVersion).toBe(1);
    const content: InstrumentContent = draft.instrument;
    const answers = Object.fromEntries(
      content.dimensions.flatMap((d) =>
        d.questions.map((q) => [
          q.key,
          q.type === 'single'
            ? q.options[1].value
            : q.type === 'multi'
              ? { done: [q.options[0].value], planned: [] }
              : q.type === 'scale'
                ? 2
                : q.type === 'status'
                  ? 'planned'
                  : 'partly',
        ]),
      ),
    );
    await sme.inject({ method: 'PUT', url: `/api/diagnoses/${draft.id}/answers`, payload: { answers } });
    const submitted = await sme.inject({ method: 'POST', url: `/api/diagnoses/${draft.id}/submit` });
    expect(submitted.statusCode).toBe(200);
    const next = (
      await sme.inject({ method: 'POST', url: `/api/companies/${own}/diagnoses`, payload: {} })
    ).json();
    expect(next.instrumentVersion).toBe(2);
    expect(next.instrument.stages[1].min).toBe(25);
  });
});
