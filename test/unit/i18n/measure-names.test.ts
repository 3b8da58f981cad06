import { describe, expect, it } from 'vitest';
import { catalogue, translateMessage, translatePhrase, type Catalogue } from '../../../src/i18n/index.ts';

/** Each message of a catalogue by its path. */
const messagesOf = (c: Catalogue, path = ''): Map<string, string> =>
  new Map(
    Object.entries(c).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${path}${key}`, value] as const]
        : [...messagesOf(value, `${path}${key}.`)],
    ),
  );

describe('the DfE’s KS4 measure in Welsh', () => {
  it('is "Cynnydd 8" in every Welsh message that names Progress 8, never the English name', () => {
    const english = messagesOf(catalogue('en'));
    const welsh = messagesOf(catalogue('cy'));
    const naming = [...english].filter(([, text]) => text.includes('Progress 8')).map(([key]) => key);
    expect(naming.length).toBeGreaterThan(10);
    const notCynnydd = naming.filter((key) => {
      const text = welsh.get(key) ?? '';
      return !text.includes('Cynnydd 8') || text.includes('Progress 8');
    });
    expect(notCynnydd).toEqual([]);
  });

  it('is written alike on the profile, in a school’s reasons and in a partnership’s measures', () => {
    expect(translateMessage('cy', { message: 'Progress 8 score' })).toBe('Sgôr Cynnydd 8');
    expect(
      translatePhrase('cy', {
        template: 'Progress 8 {{score}} ({{national}})',
        values: { score: '+0.45', national: '0' },
      }),
    ).toBe('Cynnydd 8 +0.45 (0)');
    expect(translateMessage('cy', { message: 'KS4 Progress 8' })).toBe('Cynnydd 8 CA4');
  });
});
