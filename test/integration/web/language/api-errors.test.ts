import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

describe('API errors in the caller’s language', () => {
  const t = useTestApp((db) => insertSchool(db, { urn: 100001, name: 'Ash Primary' }), { fresh: 'file' });
  const ask = (url: string, language?: string) =>
    t.app.inject({ url, headers: language ? { 'accept-language': language } : {} });

  it('writes a problem’s title and message in Welsh for Accept-Language: cy, and says so', async () => {
    const res = await ask('/api/schools/6819999', 'cy,en;q=0.5');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe('cy');
    expect(res.json()).toEqual({
      status: 404,
      error: 'Heb ei Ganfod',
      message: 'Dim ysgol â’r rhif ysgol 6819999',
    });
    const route = await ask('/api/no-such-thing', 'cy');
    expect(route.json()).toEqual({
      status: 404,
      error: 'Heb ei Ganfod',
      message: 'Dim adnodd o’r fath: /api/no-such-thing',
    });
  });

  it('names each bad field with its message in Welsh', async () => {
    const res = await ask('/api/schools?radiusKm=far&near=ZZ99', 'cy');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      status: 400,
      error: 'Cais Gwael',
      message: 'radiusKm: Rhowch y radiws fel nifer o gilometrau, fel 5 neu 7.5',
      issues: [{ field: 'radiusKm', message: 'Rhowch y radiws fel nifer o gilometrau, fel 5 neu 7.5' }],
    });
    const place = await ask('/api/schools?near=ZZ99', 'cy');
    expect(place.json().issues).toEqual([
      {
        field: 'near',
        message:
          'Ni chafwyd hyd i “ZZ99”: rhowch god post (fel M13 9PL), ardal cod post (fel M13), tref, neu URN ysgol neu rif ysgol Cymru',
      },
    ]);
    const signIn = await ask('/api/notifications', 'cy');
    expect(signIn.json()).toMatchObject({ status: 401, error: 'Heb Awdurdod' });
  });

  it('stays in English without Accept-Language, or when it asks for English', async () => {
    for (const language of [undefined, 'en-GB']) {
      const res = await ask('/api/schools/6819999', language);
      expect(res.headers['content-language']).toBe('en');
      expect(res.json()).toEqual({
        status: 404,
        error: 'Not Found',
        message: 'No school with school number 6819999',
      });
    }
    const bad = await ask('/api/schools/abc');
    expect(bad.json()).toEqual({
      status: 400,
      error: 'Bad Request',
      message: 'urn: A URN is a whole number, like 100001',
      issues: [{ field: 'urn', message: 'A URN is a whole number, like 100001' }],
    });
  });
});
