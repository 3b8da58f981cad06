import { describe, expect, it } from 'vitest';
import { listIn, orIn, translatePhrase, translator } from '../../../src/i18n/index.ts';
import { phrase, phraseList } from '../../../src/domain/words.ts';

/** Lists as each language writes them, with Welsh's mutation of the word after "a" and "neu". */
describe('lists in English and Welsh', () => {
  it('softly mutates the word after "neu"', () => {
    expect(orIn('cy', ['cynradd', 'canol'])).toBe('cynradd neu ganol');
    expect(orIn('cy', ['uwchradd', 'pob oed'])).toBe('uwchradd neu bob oed');
    expect(orIn('cy', ['ysgol', 'partneriaeth'])).toBe('ysgol neu bartneriaeth');
    expect(orIn('cy', ['cyngor', 'tîm'])).toBe('cyngor neu dîm');
    expect(orIn('cy', ['rhifedd', 'llythrennedd'])).toBe('rhifedd neu lythrennedd');
    expect(orIn('cy', ['iaith', 'mathemateg'])).toBe('iaith neu fathemateg');
    expect(orIn('cy', ['iaith', 'gwyddoniaeth'])).toBe('iaith neu wyddoniaeth');
    expect(orIn('cy', ['Uwchradd', 'Canol'])).toBe('Uwchradd neu Ganol');
  });

  it('leaves words that do not mutate after "neu" as they are', () => {
    expect(orIn('cy', ['canol', 'uwchradd'])).toBe('canol neu uwchradd');
    expect(orIn('cy', ['iaith', 'chwaraeon'])).toBe('iaith neu chwaraeon');
    expect(orIn('cy', ['canol'])).toBe('canol');
  });

  it('writes a phrase’s "or" list in each language', () => {
    const phases = phrase('{{phases}}', {
      phases: phraseList([phrase('primary'), phrase('secondary'), phrase('middle')], 'or'),
    });
    expect(translatePhrase('en', phases)).toBe('primary, secondary or middle');
    expect(translatePhrase('cy', phases)).toBe('cynradd, uwchradd neu ganol');
  });

  it('takes the aspirate mutation after "a" in a list of words, not of names', () => {
    expect(listIn('cy', ['maint', 'cyfran'], 'words')).toBe('maint a chyfran');
    expect(listIn('cy', ['Ysgol y Derw', 'Cwm Glas'])).toBe('Ysgol y Derw a Cwm Glas');
  });
});

describe('a cohort of pupils beside a key stage', () => {
  it('counts one pupil, and many pupils, in each language', () => {
    const caption = 'Key stage 2';
    expect(translator('en')('profilePerformance.cohort', { caption, count: 1 })).toBe(
      'Key stage 2 (1 pupil)',
    );
    expect(translator('en')('profilePerformance.cohort', { caption, count: 30 })).toBe(
      'Key stage 2 (30 pupils)',
    );
    expect(translator('cy')('profilePerformance.cohort', { caption, count: 30 })).toMatch(/\(30 disgybl\)$/);
  });
});
