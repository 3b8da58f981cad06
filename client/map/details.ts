import type { SchoolGroup } from '../../src/domain/classification/types.ts';
import type { Phase } from '../../src/domain/school.ts';
import { schoolIdKindOf } from '../../src/domain/wales.ts';
import type { AreaProperties, LeaderProperties } from './data.ts';
import { fillIn, words } from './words.ts';

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
  const w = words();
  panel.replaceChildren(
    element('h2', 'govuk-heading-m', name),
    summaryList([
      [w.group, w.groups[school.group]],
      [w.phase, w.phases[school.phase]],
      [schoolIdKindOf(school.urn) === 'urn' ? w.urn : w.schoolNumber, String(school.urn)],
    ]),
    link(`/schools/${school.urn}`, fillIn(w.viewProfile, { name })),
    link(`/schools/${school.urn}/partners`, fillIn(w.findPartners, { name })),
  );
}

export function showLeader(panel: HTMLElement, leader: LeaderProperties): void {
  const w = words();
  const designations = leader.designations.map((d) =>
    d.verified ? d.code : fillIn(w.notVerified, { code: d.code }),
  );
  panel.replaceChildren(
    element('h2', 'govuk-heading-m', leader.name),
    ...(leader.example ? [element('p', 'govuk-body', w.example)] : []),
    summaryList([
      [w.school, leader.school.name],
      [w.designations, designations.join(', ') || w.none],
      [w.expertise, leader.expertise.map((e) => w.focusAreas[e]).join(', ')],
      [w.daysFree, String(leader.daysAvailable)],
    ]),
    link(`/system-leaders/${leader.id}`, fillIn(w.viewProfile, { name: leader.name })),
  );
}

export function showArea(panel: HTMLElement, area: AreaProperties, tableHref: string): void {
  const w = words();
  const figures: [string, string][] =
    area.highPerforming === undefined
      ? [[w.schools, w.noSchools]]
      : [
          [w.highPerforming, String(area.highPerforming)],
          [w.inNeed, String(area.inNeed)],
          [w.ratio, area.ratio === null ? w.noSchoolInNeed : area.ratio.toFixed(2)],
          [
            w.median,
            area.medianHighPerformingWithinRadius === null
              ? w.notApplicable
              : String(area.medianHighPerformingWithinRadius),
          ],
        ];
  panel.replaceChildren(
    element('h2', 'govuk-heading-m', area.name),
    summaryList(figures),
    link(tableHref, w.everyArea),
  );
}

export function showMessage(panel: HTMLElement, text: string): void {
  panel.replaceChildren(element('p', 'govuk-body', text));
}
