import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type PointLike,
} from 'maplibre-gl';
import type { SchoolGroup } from '../../src/domain/classification/types.ts';
import type { Phase } from '../../src/domain/school.ts';
import { loadAreas, loadLeaders, loadSchools, type AreaProperties } from './data.ts';
import { showArea, showLeader, showMessage, showSchool } from './details.ts';
import { findPlaces, type Place } from './search.ts';
import { fillIn, words } from './words.ts';
import { GROUP_COLOURS, LEADER_MARK, PLAIN_STYLE, POINT_RINGS, ratioColour } from './style.ts';

const ENGLAND: [[number, number], [number, number]] = [
  [-6.4, 49.9],
  [1.8, 55.8],
];

function required<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`map page: #${id} is missing`);
  return node as T;
}

async function schoolName(urn: number): Promise<string> {
  const response = await fetch(`/api/schools/${urn}`, { headers: { accept: 'application/json' } });
  if (!response.ok) return fillIn(words().schoolN, { urn });
  return ((await response.json()) as { name: string }).name;
}

async function start(): Promise<void> {
  const container = required<HTMLDivElement>('s2s-map');
  const panel = required<HTMLDivElement>('map-details');
  const settings = container.dataset;
  const phase = (settings.phase || null) as Phase | null;
  setWorkerUrl(settings.workerUrl!);

  const map = new MapLibreMap({
    container,
    style: settings.basemapUrl || PLAIN_STYLE,
    bounds: ENGLAND,
    attributionControl: false,
    maxZoom: 16,
  });
  (window as unknown as { s2sMap: MapLibreMap }).s2sMap = map;
  map.addControl(new NavigationControl({ showCompass: false }));
  map.addControl(new AttributionControl({ compact: false, customAttribution: settings.credits }));
  // MapLibre makes the canvas the focusable map region; name it and point it at the key help.
  map.getCanvas().setAttribute('aria-label', settings.label ?? words().map);
  map.getCanvas().setAttribute('aria-describedby', 'map-keys');

  await map.once('load');
  const [schools, { areas, coastline }, leaders] = await Promise.all([
    loadSchools(settings.pointsUrl!),
    loadAreas(settings.areasUrl!, settings.capacityUrl!, words().placeNames),
    loadLeaders(settings.leadersUrl!),
  ]);
  map.addSource('areas', { type: 'geojson', data: areas, promoteId: 'code' });
  map.addLayer({
    id: 'areas-fill',
    type: 'fill',
    source: 'areas',
    paint: { 'fill-color': ratioColour(), 'fill-opacity': 0.9 },
  });
  map.addLayer({
    id: 'areas-outline',
    type: 'line',
    source: 'areas',
    paint: { 'line-color': '#505a5f', 'line-width': 0.6 },
  });
  map.addSource('coastline', {
    type: 'geojson',
    data: { type: 'Feature', geometry: coastline, properties: {} },
  });
  map.addLayer({
    id: 'coastline',
    type: 'line',
    source: 'coastline',
    paint: { 'line-color': '#0b0c0c', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 10, 2] },
  });
  map.addLayer({
    id: 'areas-selected',
    type: 'line',
    source: 'areas',
    filter: ['==', ['get', 'code'], ''],
    paint: { 'line-color': '#0b0c0c', 'line-width': 3 },
  });
  map.addSource('schools', { type: 'geojson', data: schools });
  const phaseFilter = phase ? ['==', ['get', 'phase'], phase] : ['boolean', true];
  // The outer black ring is a wider circle drawn first; the point's white stroke is the inner ring.
  map.addLayer({
    id: 'schools-ring',
    type: 'circle',
    source: 'schools',
    filter: phaseFilter as never,
    paint: {
      'circle-color': POINT_RINGS.outer,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.4, 9, 5.3, 13, 8.5],
    },
  });
  map.addLayer({
    id: 'schools',
    type: 'circle',
    source: 'schools',
    filter: phaseFilter as never,
    paint: {
      'circle-color': [
        'match',
        ['get', 'group'],
        ...Object.entries(GROUP_COLOURS).flat(),
        '#000000',
      ] as never,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 1.6, 9, 3.5, 13, 6],
      'circle-stroke-color': POINT_RINGS.inner,
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1, 13, 1.5],
    },
  });
  map.addLayer({
    id: 'schools-selected',
    type: 'circle',
    source: 'schools',
    filter: ['==', ['get', 'urn'], -1],
    paint: {
      'circle-radius': 9,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#0b0c0c',
      'circle-stroke-width': 3,
    },
  });
  // Leaders are drawn above the schools, hidden until the reader turns their layer on.
  map.addImage('leader', leaderDiamond());
  map.addSource('leaders', { type: 'geojson', data: leaders });
  map.addLayer({
    id: 'leaders',
    type: 'symbol',
    source: 'leaders',
    layout: { 'icon-image': 'leader', 'icon-allow-overlap': true, visibility: 'none' },
  });
  const leaderSwitch = required<HTMLInputElement>('map-layer-leaders');
  // Where the diamonds are drawn, while their layer is on: town names give way to them.
  const leaderPoints = () =>
    leaderSwitch.checked ? leaders.features.map((f) => f.geometry.coordinates as [number, number]) : [];
  const towns = labelTowns(map, settings.placesUrl!, leaderPoints);
  leaderSwitch.addEventListener('change', () => {
    map.setLayoutProperty('leaders', 'visibility', leaderSwitch.checked ? 'visible' : 'none');
    void towns.then((relabel) => relabel());
  });
  required('map-layers').hidden = false;
  map.once('idle', () => {
    container.dataset.firstRenderMs = String(Math.round(performance.now()));
    container.dataset.ready = 'true';
  });

  const tableHref = settings.tableUrl!;
  const selectSchool = async (school: { urn: number; phase: Phase; group: SchoolGroup }) => {
    map.setFilter('schools-selected', ['==', ['get', 'urn'], school.urn]);
    map.setFilter('areas-selected', ['==', ['get', 'code'], '']);
    showSchool(panel, school, await schoolName(school.urn));
  };
  const selectAt = (point: PointLike) => {
    const [x, y] = Array.isArray(point) ? point : [point.x, point.y];
    const near: [PointLike, PointLike] = [
      [x - 5, y - 5],
      [x + 5, y + 5],
    ];
    const [leader] = map.queryRenderedFeatures(near, { layers: ['leaders'] });
    // MapLibre flattens nested properties to strings: show the leader as the API gave them.
    const chosen = leader && leaders.features.find((f) => f.properties.id === leader.properties.id);
    if (chosen) return showLeader(panel, chosen.properties);
    const [school] = map.queryRenderedFeatures(near, { layers: ['schools'] });
    if (school)
      return void selectSchool(school.properties as { urn: number; phase: Phase; group: SchoolGroup });
    const [area] = map.queryRenderedFeatures([x, y], { layers: ['areas-fill'] });
    if (!area) return showMessage(panel, words().nothingHere);
    map.setFilter('schools-selected', ['==', ['get', 'urn'], -1]);
    map.setFilter('areas-selected', ['==', ['get', 'code'], area.properties.code]);
    showArea(panel, area.properties as AreaProperties, tableHref);
  };
  map.on('click', (event) => selectAt(event.point));
  for (const layer of ['schools', 'leaders']) {
    map.on('mousemove', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  // Keyboard users move the map with the arrow keys and choose what lies under its centre.
  map.getCanvas().addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    const canvas = map.getCanvas();
    selectAt([canvas.clientWidth / 2, canvas.clientHeight / 2]);
  });

  wireSearch(map, areas.features, settings.schoolSearchUrl!, (urn) => {
    const feature = schools.features.find((f) => f.properties?.urn === urn);
    if (feature) void selectSchool(feature.properties as { urn: number; phase: Phase; group: SchoolGroup });
  });
}

/** The leaders' mark, drawn once on a canvas: a symbol layer needs an image, and there is no sprite server. */
function leaderDiamond(): ImageData {
  const { fill, edge, size } = LEADER_MARK;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const pen = canvas.getContext('2d')!;
  const half = size / 2;
  pen.beginPath();
  pen.moveTo(half, 2);
  pen.lineTo(size - 2, half);
  pen.lineTo(half, size - 2);
  pen.lineTo(2, half);
  pen.closePath();
  pen.fillStyle = fill;
  pen.fill();
  pen.lineWidth = 2.5;
  pen.strokeStyle = edge;
  pen.stroke();
  return pen.getImageData(0, 0, size, size);
}

/** How many towns are labelled at a zoom: the biggest first, more as one zooms in. */
function townsShownAt(zoom: number): number {
  return zoom < 6 ? 12 : zoom < 7 ? 40 : zoom < 8 ? 120 : Infinity;
}

/** A box on the screen, in pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Town names over the map, for orientation without a tile server. They are HTML markers (a text
 * layer would need a font server too), hidden from assistive technology like the rest of the
 * drawing, and they let clicks through to the map. HTML sits above the map's canvas, so a name
 * would cover a system leader's diamond: a name that would touch one is left out (the diamond is
 * what the reader turned on; the name is only for orientation). Returns the relabelling, for when
 * the diamonds come and go.
 */
async function labelTowns(
  map: MapLibreMap,
  url: string,
  leaderPoints: () => [number, number][],
): Promise<() => void> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) return () => {};
  const { items } = (await response.json()) as { items: { name: string; lon: number; lat: number }[] };
  const labels = items.map((place) => {
    const element = document.createElement('span');
    element.className = 's2s-place-label';
    element.textContent = place.name;
    element.setAttribute('aria-hidden', 'true');
    return { element, marker: new Marker({ element }).setLngLat([place.lon, place.lat]).addTo(map) };
  });
  const update = () => {
    const shown = townsShownAt(map.getZoom());
    labels.forEach((label, rank) => {
      label.element.hidden = rank >= shown;
      label.element.classList.remove('s2s-place-label--gives-way');
    });
    const points = leaderPoints();
    if (points.length === 0) return;
    // A little room around each diamond, so a name's halo does not touch it either.
    const half = LEADER_MARK.size / 2 + 2;
    const origin = map.getCanvas().getBoundingClientRect();
    const diamonds = points.map((lngLat): Box => {
      const { x, y } = map.project(lngLat);
      return { left: x - half, right: x + half, top: y - half, bottom: y + half };
    });
    for (const { element } of labels) {
      if (element.hidden) continue;
      const r = element.getBoundingClientRect();
      const box = {
        left: r.left - origin.left,
        right: r.right - origin.left,
        top: r.top - origin.top,
        bottom: r.bottom - origin.top,
      };
      if (diamonds.some((d) => overlap(box, d))) element.classList.add('s2s-place-label--gives-way');
    }
  };
  update();
  map.on('zoomend', update);
  return update;
}

function wireSearch(
  map: MapLibreMap,
  areas: Feature<Polygon | MultiPolygon>[],
  schoolSearchUrl: string,
  onSchool: (urn: number) => void,
): void {
  const form = required<HTMLFormElement>('map-search');
  const input = required<HTMLInputElement>('map-search-q');
  const results = required<HTMLUListElement>('map-search-results');
  const go = (place: Place) => {
    if ('bounds' in place.target) map.fitBounds(place.target.bounds, { padding: 24, duration: 0 });
    else map.jumpTo({ center: place.target.center, zoom: 13 });
    if (place.urn !== undefined) onSchool(place.urn);
    map.getCanvas().focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const places = await findPlaces(input.value, areas, schoolSearchUrl);
    results.replaceChildren(
      ...places.map((place) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-1';
        button.textContent = place.label;
        button.addEventListener('click', () => go(place));
        item.append(button);
        return item;
      }),
    );
    required('map-search-status').textContent =
      places.length === 0
        ? fillIn(words().noMatch, { query: input.value })
        : fillIn(words().found, { count: places.length });
  });
}

start().catch((error: unknown) => {
  const panel = document.getElementById('map-details');
  if (panel) showMessage(panel, fillIn(words().failed, { error: String(error) }));
});
