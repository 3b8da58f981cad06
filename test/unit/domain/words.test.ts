import { describe, expect, it } from 'vitest';
import { datePhrase, fillIn, phrase, phraseList, wordsOf, writePhrase } from '../../../src/domain/words.ts';

describe('sentences written from their templates in English', () => {
  it('fills each name in, the same name as often as it appears, and nothing for a name without a value', () => {
    expect(fillIn('{{a}} and {{a}} near {{b}}{{missing}}.', { a: 'Oak', b: 3 })).toBe('Oak and Oak near 3.');
    expect(fillIn('No names at all', {})).toBe('No names at all');
  });

  it('writes a list of names with "and", as the message beside its template', () => {
    expect(wordsOf('The partnership of {{schools}} has started', { schools: ['Oak', 'Elm'] })).toEqual({
      message: 'The partnership of Oak and Elm has started',
      template: 'The partnership of {{schools}} has started',
      values: { schools: ['Oak', 'Elm'] },
    });
  });

  it('writes phrases within phrases, lists with "and" or their mark, and dates', () => {
    const grades = phraseList(
      [phrase('Good'), phrase('{{n}} times', { n: 2 }), phrase('Outstanding')],
      'and',
    );
    expect(writePhrase(phrase('{{area}} judged {{grades}}', { area: 'Reading', grades }))).toBe(
      'Reading judged Good, 2 times and Outstanding',
    );
    expect(writePhrase(phrase('{{all}}', { all: phraseList([phrase('A'), phrase('B')], '; ') }))).toBe(
      'A; B',
    );
    expect(writePhrase(phrase('Inspected {{on}}', { on: datePhrase('2019-03-13') }))).toBe(
      'Inspected 13 March 2019',
    );
  });
});
