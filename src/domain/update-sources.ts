/**
 * The public files `s2s update` fetches, each named as its publisher releases it: what the
 * configuration (an address for each), the importer and the pages all name.
 */
export const UPDATE_SOURCES = ['gias', 'links', 'ofsted', 'ks2', 'ks4'] as const;
export type UpdateSource = (typeof UPDATE_SOURCES)[number];

export const UPDATE_SOURCE_LABELS: Record<UpdateSource, string> = {
  gias: 'GIAS establishments extract',
  links: 'GIAS links extract',
  ofsted: 'Ofsted inspections and outcomes (management information)',
  ks2: 'KS2 performance table',
  ks4: 'KS4 performance table',
};
