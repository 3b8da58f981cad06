import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../../src/domain/practice/personal-data.ts';

describe('looking for personal data before a record goes to moderation', () => {
  it('flags email addresses, UK telephone numbers and names after a title or "called"', () => {
    expect(
      findPersonalData({
        whatWeDid: 'Mrs Patel led it. A boy called Jamal read most. Ring 0113 496 0000 or +44 7700 900123.',
        links: ['mailto:head@ashgrove.example'],
      }),
    ).toEqual([
      { field: 'whatWeDid', kind: 'phone', text: '0113 496 0000' },
      { field: 'whatWeDid', kind: 'phone', text: '+44 7700 900123' },
      { field: 'whatWeDid', kind: 'name', text: 'Mrs Patel' },
      { field: 'whatWeDid', kind: 'name', text: 'called Jamal' },
      { field: 'links', kind: 'email', text: 'head@ashgrove.example' },
    ]);
  });

  it('leaves ordinary accounts of practice alone', () => {
    expect(
      findPersonalData({
        whatWeDid:
          'Year 3 read aloud for 10 minutes a day from September 2022; 28 of 30 pupils met the expected standard. Reading progress rose by 2.5 points.',
        resources: 'Two teaching assistants, £1,200 a year.',
      }),
    ).toEqual([]);
  });
});
