import type { MapWords } from '../../src/domain/map-words.ts';

export { fillIn } from '../../src/domain/map-words.ts';

let read: MapWords | undefined;

/** The map's words in the page's language, which the page writes from the catalogue (map/map.njk's data-words). */
export function words(): MapWords {
  read ??= JSON.parse(document.getElementById('s2s-map')?.dataset.words ?? '{}') as MapWords;
  return read;
}
