// Where the publishers put the files `s2s update` fetches, and how to find the latest: an address
// may hold `{date}` (yyyymmdd: GIAS publishes every day, Ofsted every month) or `{year}` (an
// academic year's folder, "2018-2019", as the performance tables are published), tried from the
// newest back.
import type { UpdateSource } from '../domain/update-sources.ts';

/** GIAS's public downloads, the same address every day but for the date in the name. */
const GIAS_DOWNLOADS = 'https://ea-edubase-api-prod.azurewebsites.net/edubase/downloads/public';

/**
 * Each source's file names, as a mirror (`--from URL-BASE`) lays them out, newest standing first;
 * and the publisher's own address where it is stable. Ofsted's monthly file and the performance
 * tables move with each release, so they have none: set S2S_UPDATE_<SOURCE>_URL to follow them.
 */
export const PUBLISHED_FILES: Record<UpdateSource, { names: string[]; home: string | null }> = {
  gias: { names: ['edubasealldata{date}.csv'], home: GIAS_DOWNLOADS },
  links: { names: ['links_edubasealldata{date}.csv'], home: GIAS_DOWNLOADS },
  ofsted: { names: ['ofsted_inspections_outcomes_{date}.csv'], home: null },
  ks2: {
    names: [
      '{year}/england_ks2final.csv',
      '{year}/england_ks2revised.csv',
      '{year}/england_ks2provisional.csv',
    ],
    home: null,
  },
  ks4: {
    names: [
      '{year}/england_ks4final.csv',
      '{year}/england_ks4revised.csv',
      '{year}/england_ks4provisional.csv',
    ],
    home: null,
  },
};

/** How far back to look: two monthly releases; ten academic years. */
const DAYS_BACK = 62;
const YEARS_BACK = 10;

export interface Candidate {
  url: string;
  /** For `{year}` addresses: the calendar year the academic year ends. */
  year?: number;
}

const compact = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

/** The addresses to try for one template, newest first, as of `today` (yyyy-mm-dd). */
export function candidates(template: string, today: string): Candidate[] {
  const day = new Date(`${today}T00:00:00Z`);
  if (template.includes('{date}'))
    return Array.from({ length: DAYS_BACK + 1 }, (_, back) => ({
      url: template.replaceAll('{date}', compact(new Date(day.getTime() - back * 86_400_000))),
    }));
  if (template.includes('{year}')) {
    const latest = day.getUTCFullYear();
    return Array.from({ length: YEARS_BACK }, (_, back) => {
      const year = latest - back;
      return { url: template.replaceAll('{year}', `${year - 1}-${year}`), year };
    });
  }
  return [{ url: template }];
}

/**
 * The templates for a source: its S2S_UPDATE_<SOURCE>_URL, else the mirror's names under
 * `from`, else the publisher's own address; empty when none is known.
 */
export function sourceTemplates(
  source: UpdateSource,
  configured: string | undefined,
  from: string | undefined,
): string[] {
  if (configured && !from) return [configured];
  const base = (from ?? PUBLISHED_FILES[source].home)?.replace(/\/+$/, '');
  return base ? PUBLISHED_FILES[source].names.map((name) => `${base}/${name}`) : [];
}

/** Every address to try for a source, in order: for each year (newest first), each name. */
export function sourceCandidates(templates: string[], today: string): Candidate[] {
  const lists = templates.map((t) => candidates(t, today));
  const longest = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((l) => (l[i] ? [l[i]] : []))).flat();
}
