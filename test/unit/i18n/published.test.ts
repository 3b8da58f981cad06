import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedIn } from '../../../src/i18n/published.ts';

/** GIAS's types of establishment as it published them on 22 April 2025 (the type name is the fourth column). */
const giasTypes = readFileSync(
  new URL('../../fixtures/ingest/establishment-types-20250422.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => /^\d+,[^,]+,\d+,([^,]+),/.exec(line)?.[1]);

describe('values as the registers publish them, in Welsh', () => {
  it('has Welsh for every type of establishment GIAS publishes', () => {
    expect(giasTypes.length).toBeGreaterThan(40);
    expect(
      [...new Set(giasTypes)].filter(
        (type) => type === undefined || publishedIn('cy', 'establishmentType', type).inEnglish,
      ),
    ).toEqual([]);
  });

  it('writes the Welsh Government’s terms, whatever the register’s capitals', () => {
    expect(publishedIn('cy', 'establishmentType', 'Community school')).toEqual({
      text: 'Ysgol gymunedol',
      inEnglish: false,
    });
    expect(publishedIn('cy', 'establishmentType', 'Voluntary Aided').text).toBe(
      'Ysgol wirfoddol a gynorthwyir',
    );
    expect(publishedIn('cy', 'establishmentType', 'voluntary  controlled').text).toBe(
      'Ysgol wirfoddol a reolir',
    );
    expect(publishedIn('cy', 'welshMediumType', 'Bilingual (Category B)').text).toBe(
      'Dwyieithog (Categori B)',
    );
  });

  it('gives a value it does not know as published, said to be English, and English as it is', () => {
    expect(publishedIn('cy', 'establishmentType', 'Experimental school')).toEqual({
      text: 'Experimental school',
      inEnglish: true,
    });
    expect(publishedIn('en', 'establishmentType', 'Voluntary Aided')).toEqual({
      text: 'Voluntary Aided',
      inEnglish: false,
    });
  });
});
