import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

/** A use case's "there is no such thing", which names what was asked for, in the caller's language. */
describe('lookups that find nothing, in the caller’s language', () => {
  const t = useTestApp((db) => insertSchool(db, { urn: 100001, name: 'Ash Primary' }), { fresh: 'file' });
  const ask = (url: string, language?: string) =>
    t.app.inject({ url, headers: language ? { 'accept-language': language } : {} });

  it('names the practice record or school it could not find, in Welsh', async () => {
    expect((await ask('/api/practice/987654', 'cy')).json()).toMatchObject({
      status: 404,
      message: 'Does dim cofnod arfer da 987654',
    });
    expect((await ask('/api/system-leaders?near=6819999', 'cy')).json()).toMatchObject({
      status: 400,
      issues: [{ field: 'near', message: 'Does dim ysgol agored â’r rhif ysgol 6819999' }],
    });
  });

  it('writes a bad query parameter’s problem in Welsh', async () => {
    expect((await ask('/api/system-leaders?available=maybe', 'cy')).json().issues).toEqual([
      { field: 'available', message: 'mae available yn true neu false' },
    ]);
    expect((await ask('/api/allocations?offset=-1', 'cy')).json().issues).toEqual([
      { field: 'offset', message: 'Rhaid i’r gwrthbwyso fod yn 0 neu fwy' },
    ]);
    expect((await ask('/api/allocations?offset=-1')).json().issues).toEqual([
      { field: 'offset', message: 'Offset must be 0 or more' },
    ]);
  });

  it('keeps the English as it was', async () => {
    expect((await ask('/api/practice/987654')).json()).toMatchObject({
      message: 'No practice record 987654',
    });
    expect((await ask('/api/system-leaders?near=6819999', 'en')).json()).toMatchObject({
      issues: [{ field: 'near', message: 'There is no open school with school number 6819999' }],
    });
  });
});
