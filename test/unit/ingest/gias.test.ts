import { describe, expect, it } from 'vitest';
import { readGias } from '../../../src/ingest/gias.ts';
import { readAll } from '../../helpers/fixtures.ts';

describe('reading a GIAS establishments extract', () => {
  it('maps each establishment to a school, decoding Windows-1252 names', async () => {
    const { records } = await readAll(readGias, 'edubasealldata20250422.csv');
    const academy = records.find((s) => s.urn === 100001)!;
    expect(academy.name).toBe('St Mary\u2019s Café Academy');
    expect(academy).toMatchObject({
      phase: 'secondary',
      open: true,
      country: 'England',
      localAuthority: { code: '201', name: 'City of London' },
      region: { code: 'H', name: 'London' },
      pupils: 1000,
      fsmPercent: 22.5,
      trust: 'Example Trust',
    });
  });

  it('converts Easting/Northing to latitude and longitude', async () => {
    const { records } = await readAll(readGias, 'edubasealldata20250422.csv');
    const aldgate = records.find((s) => s.urn === 100000)!;
    // 533498, 181201 is Aldgate in the City of London.
    expect(aldgate.location!.lat).toBeCloseTo(51.514, 2);
    expect(aldgate.location!.lon).toBeCloseTo(-0.077, 2);
    expect(aldgate.senPercent).toBeCloseTo((55 / 285) * 100, 1);
  });

  it('normalises phases, with special schools and pupil referral units by their type', async () => {
    const { records } = await readAll(readGias, 'edubasealldata20250422.csv');
    const phase = Object.fromEntries(records.map((s) => [s.urn, s.phase]));
    expect(phase).toEqual({
      100000: 'primary',
      100001: 'secondary',
      100002: 'special',
      100003: 'alternative-provision',
      100004: 'secondary',
      100005: 'primary',
      100006: 'middle',
      100008: 'nursery',
    });
  });

  it('keeps closed schools, flagged as not open', async () => {
    const { records } = await readAll(readGias, 'edubasealldata20250422.csv');
    expect(records.find((s) => s.urn === 100004)).toMatchObject({ open: false, statusName: 'Closed' });
  });

  it('places establishments in Welsh local authorities in Wales', async () => {
    const { records } = await readAll(readGias, 'edubasealldata20250422.csv');
    expect(records.find((s) => s.urn === 100005)).toMatchObject({
      country: 'Wales',
      region: { name: 'Wales' },
    });
  });

  it('skips establishments that are not schools, with the reason', async () => {
    const { records, problems } = await readAll(readGias, 'edubasealldata20250422.csv');
    expect(records.map((s) => s.urn)).not.toContain(100007);
    expect([...problems.skipped]).toEqual([["not a school (Children's centres)", 1]]);
  });

  it.each([
    ['gias-empty.csv', /gias-empty\.csv: the file is empty/],
    ['gias-header-only.csv', /gias-header-only\.csv: the file has a header but no rows/],
    [
      'gias-missing-column.csv',
      /gias-missing-column\.csv, row 1, field "EstablishmentName": missing required column/,
    ],
    ['gias-utf8.csv', /gias-utf8\.csv, row \d+: wrong encoding: .*UTF-8.*Windows-1252/],
    [
      'gias-duplicate-urn.csv',
      /gias-duplicate-urn\.csv, row 5, field "URN": URN 100000 appears twice \(first on row 2\)/,
    ],
    [
      'gias-bad-number.csv',
      /gias-bad-number\.csv, row 3, field "NumberOfPupils": "about 1000" is not a number/,
    ],
    [
      'gias-bad-coordinate.csv',
      /gias-bad-coordinate\.csv, row 4, field "Easting": .*not a British National Grid coordinate/,
    ],
    [
      '2018-2019/england_ks4final.csv',
      /england_ks4final\.csv, row 1: this looks like a KS4 performance table, not a GIAS establishments extract/,
    ],
  ])('refuses %s with a message naming where', async (name, message) => {
    await expect(readAll(readGias, name)).rejects.toThrow(message);
  });
});
