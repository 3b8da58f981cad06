import type { School } from './school.ts';

export interface PublicPage {
  text: string;
  href: string;
}

/** The GIAS page of any URN, open or closed: where a school with no profile here can be looked up. */
export const giasPage = (urn: number) =>
  `https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/${urn}`;

/**
 * The school's pages on the public services school leaders already use, built from its URN.
 * English services only list English schools; a Welsh school has none of them.
 */
export function publicPagesOf(school: Pick<School, 'urn' | 'country'>): PublicPage[] {
  if (school.country !== 'England') return [];
  return [
    { text: 'Get Information about Schools', href: giasPage(school.urn) },
    {
      text: 'School performance (Compare school and college performance)',
      href: `https://www.find-school-performance-data.service.gov.uk/school/${school.urn}`,
    },
    // Ofsted files schools under several provider categories; its search by URN finds each.
    { text: 'Ofsted inspection reports', href: `https://reports.ofsted.gov.uk/search?q=${school.urn}` },
  ];
}
