import { describe, expect, it } from 'vitest';
import { currentLaName } from '../../../src/domain/local-authorities.ts';
import { linkTypeLabel } from '../../../src/domain/school-links.ts';
import { publicPagesOf } from '../../../src/domain/public-pages.ts';

describe('names a reader knows', () => {
  it('names an authority that ended in a reorganisation by the authority of today', () => {
    expect(currentLaName({ code: '835', name: 'Pre-LGR 2019 Dorset' })).toBe('Dorset');
    expect(currentLaName({ code: '909', name: 'Pre-LGR 2023 Cumbria' })).toBe(
      'Cumberland, and Westmorland and Furness (formerly Cumbria)',
    );
    expect(currentLaName({ code: '999', name: 'Pre-LGR 2028 Somewhere' })).toBe('Somewhere (before 2028)');
    expect(currentLaName({ code: '383', name: 'Leeds' })).toBe('Leeds');
  });

  it('writes GIAS link types in words', () => {
    expect(linkTypeLabel('Predecessor - merged')).toBe('Predecessor (merged)');
    expect(linkTypeLabel('Successor')).toBe('Successor');
  });

  it('links an English school to the public services by URN, and a Welsh school to none of them', () => {
    expect(publicPagesOf({ urn: 100000, country: 'England' }).map((p) => p.href)).toEqual([
      'https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/100000',
      'https://www.find-school-performance-data.service.gov.uk/school/100000',
      'https://reports.ofsted.gov.uk/search?q=100000',
    ]);
    expect(publicPagesOf({ urn: 400000, country: 'Wales' })).toEqual([]);
  });
});
