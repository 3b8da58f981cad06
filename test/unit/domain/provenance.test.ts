import { describe, expect, it } from 'vitest';
import { describeProvenance, type DataSource } from '../../../src/domain/provenance.ts';

const real = (...sources: DataSource[]) => ({ sources, synthetic: false });

describe('the dataset in one line', () => {
  it('names each source with the date its data is as of', () => {
    const line = describeProvenance(
      real(
        { kind: 'ks2', name: 'england_ks2final.csv', asOf: '2019-08-31', status: 'final' },
        { kind: 'gias', name: 'edubasealldata20190117.csv', asOf: '2019-01-17' },
        { kind: 'ofsted', name: 'ofsted.csv', asOf: '2020-03-12' },
        { kind: 'ks4', name: 'england_ks4final.csv', asOf: '2019-08-31', status: 'final' },
      ),
    );
    expect(line).toBe('School data: GIAS January 2019, Ofsted to March 2020, KS2/KS4 2018/19');
  });

  it('keeps key stages apart when their years or standing differ', () => {
    const line = describeProvenance(
      real(
        { kind: 'ks2', name: 'england_ks2final.csv', asOf: '2019-08-31', status: 'final' },
        { kind: 'ks4', name: 'england_ks4provisional.csv', asOf: '2020-08-31', status: 'provisional' },
      ),
      '; ',
    );
    expect(line).toBe('School data: KS2 2018/19; KS4 2019/20 provisional');
  });

  it('says when the data is synthetic, when nothing is imported, and when a date is not known', () => {
    expect(
      describeProvenance({ sources: [{ kind: 'gias', name: 'gias.csv', asOf: null }], synthetic: true }),
    ).toBe(
      'School data: synthetic, made up for testing and demonstration, not real schools (GIAS (date not known))',
    );
    expect(describeProvenance(real())).toBe('School data: none imported yet');
  });

  it('marks only the made-up files when real and synthetic ones are loaded together', () => {
    const line = describeProvenance({
      sources: [
        { kind: 'gias', name: 'edubasealldata20190117.csv', asOf: '2019-01-17' },
        { kind: 'wales-schools', name: 'wales.csv', asOf: '2019-01-17', synthetic: true },
      ],
      synthetic: true,
    });
    expect(line).toBe(
      'School data: GIAS January 2019, Welsh schools list January 2019 (synthetic: made-up schools, not real ones)',
    );
  });
});
