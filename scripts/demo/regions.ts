import type { Area } from '../../src/domain/school.ts';

/** GIAS's government office regions, by the code GIAS gives them. */
const REGIONS: Record<string, Area> = {
  'North East': { code: 'A', name: 'North East' },
  'North West': { code: 'B', name: 'North West' },
  'Yorkshire and the Humber': { code: 'D', name: 'Yorkshire and the Humber' },
  'East Midlands': { code: 'E', name: 'East Midlands' },
  'West Midlands': { code: 'F', name: 'West Midlands' },
  'East of England': { code: 'G', name: 'East of England' },
  London: { code: 'H', name: 'London' },
  'South East': { code: 'J', name: 'South East' },
  'South West': { code: 'K', name: 'South West' },
};

/**
 * The DfE lookup splits regions into sub-regions ("North East A", "London Central",
 * "South and West Yorkshire"); GIAS records the region itself.
 */
export function regionOfSubregion(subregion: string): Area | null {
  if (/yorkshire/i.test(subregion)) return REGIONS['Yorkshire and the Humber']!;
  const name = Object.keys(REGIONS).find((r) => subregion.startsWith(r));
  return name ? REGIONS[name]! : null;
}
