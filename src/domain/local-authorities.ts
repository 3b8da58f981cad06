import type { Area } from './school.ts';

/**
 * Local government reorganisations since the data was published. GIAS keeps an authority that
 * ended under the name "Pre-LGR <year> <name>"; readers know the authority by its name today.
 * The record keeps the name as published; only what a reader sees changes.
 */
const TODAY: Record<string, string> = {
  '835': 'Dorset',
  '836': 'Bournemouth, Christchurch and Poole (formerly Poole)',
  '837': 'Bournemouth, Christchurch and Poole (formerly Bournemouth)',
  '909': 'Cumberland, and Westmorland and Furness (formerly Cumbria)',
  '928': 'North and West Northamptonshire (formerly Northamptonshire)',
};

const PRE_LGR = /^Pre[- ]LGR\s*\(?(\d{4})\)?\s+(.+)$/i;

/** The name a reader knows a local authority by today. */
export function currentLaName(area: Area): string {
  const known = TODAY[area.code];
  if (known) return known;
  const ended = PRE_LGR.exec(area.name);
  return ended ? `${ended[2]} (before ${ended[1]})` : area.name;
}
