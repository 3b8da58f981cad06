import { describe, expect, it } from 'vitest';
import {
  measurePhrase,
  nationalPhrase,
  withoutNationalFiguresIn,
} from '../../../../src/domain/classification/measures.ts';
import { phrase, writePhrase } from '../../../../src/domain/words.ts';
import { translatePhrase } from '../../../../src/i18n/index.ts';

const attainment8 = (score: string, national: string) =>
  phrase('Attainment 8 {{score}} ({{national}})', {
    score,
    national: nationalPhrase(national, 'state-funded schools'),
  });

describe('a comparison of two schools’ results', () => {
  it('gives the national figure once where both schools’ measure is read against it', () => {
    const strong = measurePhrase('ks2.mathsProgress', 1.8);
    const weak = withoutNationalFiguresIn(measurePhrase('ks2.mathsProgress', -1.6), strong);
    expect(writePhrase(strong)).toBe(
      'KS2 maths progress +1.8 (national 0 for state-funded mainstream schools)',
    );
    expect(writePhrase(weak)).toBe('KS2 maths progress −1.6');
    expect(translatePhrase('cy', weak)).toBe('cynnydd mathemateg CA2 −1.6');
  });

  it('keeps a national figure the other school’s words do not give: another measure, or another year’s figure', () => {
    const reading = measurePhrase('ks2.readingProgress', -1.2);
    expect(writePhrase(withoutNationalFiguresIn(reading, measurePhrase('ks2.mathsProgress', 1.8)))).toBe(
      'KS2 reading progress −1.2 (national 0 for state-funded mainstream schools)',
    );
    expect(
      writePhrase(withoutNationalFiguresIn(attainment8('38.2', '46.3'), attainment8('55.0', '50.2'))),
    ).toBe('Attainment 8 38.2 (national 46.3 for state-funded schools)');
  });

  it('finds the measures inside words that join two of them or say how they stand', () => {
    const strong = phrase('{{first}}; {{second}}', {
      first: measurePhrase('ks4.progress8', 0.41),
      second: attainment8('55.0', '46.3'),
    });
    const weak = phrase('{{measures}}, well below its other results', {
      measures: phrase('{{first}}; {{second}}', {
        first: measurePhrase('ks4.progress8', -0.5),
        second: attainment8('38.2', '46.3'),
      }),
    });
    expect(writePhrase(withoutNationalFiguresIn(weak, strong))).toBe(
      'Progress 8 −0.50; Attainment 8 38.2, well below its other results',
    );
    expect(translatePhrase('cy', withoutNationalFiguresIn(weak, strong))).not.toMatch(/[cg]enedlaethol/);
  });
});
