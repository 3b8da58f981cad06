import { FOCUS_AREA_LABELS } from '../../src/domain/focus-areas.ts';
import { SCHOOL_GROUP_LABELS, type SchoolGroup } from '../../src/domain/classification/types.ts';
import { PHASE_LABELS, type Phase } from '../../src/domain/school.ts';
import type { AreaProperties, LeaderProperties } from './data.ts';

/** Built with the DOM, never innerHTML: names come from the data. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function summaryList(rows: [string, string][]): HTMLElement {
  const list = element('dl', 'govuk-summary-list govuk-summary-list--no-border');
  for (const [key, value] of rows) {
    const row = element('div', 'govuk-summary-list__row');
    row.append(
      element('dt', 'govuk-summary-list__key', key),
      element('dd', 'govuk-summary-list__value', value),
    );
    list.append(row);
  }
  return list;
}

function link(href: string, text: string): HTMLElement {
  const p = element('p', 'govuk-body');
  const a = element('a', 'govuk-link', text);
  a.href = href;
  p.append(a);
  return p;
}

export function showSchool(
  panel: HTMLElement,
  school: { urn: number; phase: Phase; group: SchoolGroup },
  name: string,
): void {
  panel.replaceChildren(
    element('h2', 'govuk-heading-m', name),
    summaryList([
      ['Group', SCHOOL_GROUP_LABELS[school.group]],
      ['Phase', PHASE_LABELS[school.phase]],
      ['URN', String(school.urn)],
    ]),
    link(`/schools/${school.urn}`, `View ${name}'s profile`),
    link(`/schools/${school.urn}/partners`, `Find partners for ${name}`),
  );
}

export function showLeader(panel: HTMLElement, leader: LeaderProperties): void {
  const designations = leader.designations.map((d) => (d.verified ? d.code : `${d.code} (not verified)`));
  panel.replaceChildren(
    element('h2', 'govuk-heading-m', leader.name),
    ...(leader.example ? [element('p', 'govuk-body', 'An example made up for the demo (synthetic).')] : []),
    summaryList([
      ['School', leader.school.name],
      ['Designations', designations.join(', ') || 'None'],
      ['Expertise', leader.expertise.map((e) => FOCUS_AREA_LABELS[e]).join(', ')],
      ['Days free', String(leader.daysAvailable)],
    ]),
    link(`/system-leaders/${leader.id}`, `View ${leader.name}'s profile`),
  );
}

export function showArea(panel: HTMLElement, area: AreaProperties, tableHref: string): void {
  const figures: [string, string][] =
    area.highPerforming === undefined
      ? [['Schools', 'No schools of this phase in this area']]
      : [
          ['High-performing schools', String(area.highPerforming)],
          ['Schools in need of support', String(area.inNeed)],
          [
            'High-performing per school in need',
            area.ratio === null ? 'No school in need' : area.ratio.toFixed(2),
          ],
          [
            'Median high-performing schools within reach of a school in need',
            area.medianHighPerformingWithinRadius === null
              ? 'Not applicable'
              : String(area.medianHighPerformingWithinRadius),
          ],
        ];
  panel.replaceChildren(
    element('h2', 'govuk-heading-m', area.name),
    summaryList(figures),
    link(tableHref, 'See every area in the table'),
  );
}

export function showMessage(panel: HTMLElement, text: string): void {
  panel.replaceChildren(element('p', 'govuk-body', text));
}
