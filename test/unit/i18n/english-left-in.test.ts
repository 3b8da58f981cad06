import { describe, expect, it } from 'vitest';
import { englishLeftIn } from '../../helpers/untranslated.ts';

describe('englishLeftIn, the check that a Welsh answer has no English of the catalogue left', () => {
  it('finds English prose in a page', () => {
    const page = '<html lang="cy"><p>Statws: Closed</p><p>Enter a radius greater than 0 km</p></html>';
    expect(englishLeftIn(page).sort()).toEqual(['Closed', 'Enter a radius greater than 0 km']);
  });

  it('leaves text a page marks English on purpose: a value as published, a citation', () => {
    expect(englishLeftIn('<html lang="cy"><p>Statws: <span lang="en">Closed</span></p></html>')).toEqual([]);
  });

  it('finds English prose in an API answer’s messages, its title and its field issues', () => {
    const answer = {
      status: 400,
      error: 'Cais gwael',
      message: 'radiusKm: Enter a radius greater than 0 km',
      issues: [{ field: 'urn', message: 'A URN is a whole number, like 100001' }],
    };
    expect(englishLeftIn(JSON.stringify(answer)).sort()).toEqual(
      ['A URN is a whole number, like 100001', 'Enter a radius greater than 0 km'].sort(),
    );
  });

  it('does not take an API answer’s keys, codes and values as published for English prose', () => {
    const school = {
      urn: 6812001,
      name: 'Ysgol y Wern',
      typeName: 'Community school',
      statusName: 'Open',
      phase: 'primary',
      group: { group: 'in-need', Closed: true },
      welshMediumType: 'Bilingual (Category B)',
    };
    expect(englishLeftIn(JSON.stringify(school))).toEqual([]);
    expect(englishLeftIn(JSON.stringify([school]))).toEqual([]);
  });
});
