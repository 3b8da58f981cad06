import type { Language } from '../../domain/language.ts';
import { translateMessage, translator } from '../../i18n/index.ts';
import type { schoolPractice } from '../../app/practice/links.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS, type FocusArea } from '../../domain/focus-areas.ts';
import { evidenceInfo, type EvidenceLevel } from '../../domain/practice/evidence.ts';
import {
  PRACTICE_LANGUAGE_LABELS,
  PRACTICE_LANGUAGES,
  PRACTICE_PHASES,
  PUPIL_GROUP_LABELS,
  PUPIL_GROUPS,
  VERSION_STATE_LABELS,
  type PracticeContent,
  type VersionState,
} from '../../domain/practice/model.ts';
import { PARTNERSHIP_TYPE_LABELS, PARTNERSHIP_TYPES } from '../../domain/partnerships/model.ts';
import { PHASE_LABELS } from '../../domain/school.ts';

/** Words and GOV.UK component settings for the library's pages. */

const EVIDENCE_TAG_CLASSES: Record<EvidenceLevel, string> = {
  'own-account': 'govuk-tag--grey',
  'data-backed': 'govuk-tag--blue',
  'comparison-group': 'govuk-tag--green',
  external: 'govuk-tag--purple',
};

export const evidenceTag = (level: EvidenceLevel, language: Language = 'en') => ({
  text: translateMessage(language, { message: evidenceInfo(level).label }),
  classes: EVIDENCE_TAG_CLASSES[level],
});

const STATE_TAG_CLASSES: Record<VersionState, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--yellow',
  returned: 'govuk-tag--orange',
  published: 'govuk-tag--green',
};

export const stateTag = (state: VersionState, language: Language = 'en') => ({
  text: translateMessage(language, { message: VERSION_STATE_LABELS[state] }),
  classes: STATE_TAG_CLASSES[state],
});

/** Text as the author wrote it, in paragraphs (a blank line between): never markup. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** The choices of the publishing form, in the reader's language, with what is chosen. */
export function formChoices(values: Record<string, unknown>, language: Language = 'en') {
  const items = <T extends string>(
    options: readonly T[],
    labels: Record<T, string>,
    picked: readonly string[] = [],
  ) =>
    options.map((value) => ({
      value,
      text: translateMessage(language, { message: labels[value] }),
      checked: picked.includes(value),
    }));
  const chosen = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  return {
    phaseItems: items(PRACTICE_PHASES, PHASE_LABELS, chosen('phases')),
    pupilGroupItems: items(PUPIL_GROUPS, PUPIL_GROUP_LABELS, chosen('pupilGroups')),
    focusAreaItems: items(FOCUS_AREAS, FOCUS_AREA_LABELS, chosen('focusAreas')),
    collaborationItems: [
      {
        value: 'none',
        text: translator(language)('practice.form.ownPractice'),
        checked: !values.collaboration || values.collaboration === 'none',
      },
      ...items(PARTNERSHIP_TYPES, PARTNERSHIP_TYPE_LABELS).map((i) => ({
        ...i,
        checked: values.collaboration === i.value,
      })),
    ],
    // Each language by its own name, as the language switch names it.
    languageItems: PRACTICE_LANGUAGES.map((value) => ({
      value,
      text: PRACTICE_LANGUAGE_LABELS[value],
      label: { attributes: { lang: value } },
      checked: (values.language || 'en') === value,
    })),
  };
}

/** A stored version as the form's values. */
export const contentValues = (c: PracticeContent): Record<string, unknown> => ({
  ...c,
  titleCy: c.titleCy ?? '',
  summaryCy: c.summaryCy ?? '',
  collaboration: c.collaboration ?? 'none',
  startedIn: c.startedIn === null ? '' : String(c.startedIn),
  links: c.links.join('\n'),
  partnershipId: c.partnershipId === null ? '' : String(c.partnershipId),
});

/** The summary list rows of a version. */
export function contentRows(c: PracticeContent, language: Language = 'en') {
  const t = translator(language);
  const tm = (message: string) => translateMessage(language, { message });
  const list = (values: readonly string[]) => values.map(tm).join(', ') || t('practice.version.notGiven');
  return [
    {
      key: { text: t('practice.version.phases') },
      value: { text: list(c.phases.map((p) => PHASE_LABELS[p])) },
    },
    {
      key: { text: t('practice.version.for') },
      value: { text: list(c.pupilGroups.map((g) => PUPIL_GROUP_LABELS[g])) },
    },
    {
      key: { text: t('practice.version.focusAreas') },
      value: { text: list(c.focusAreas.map((a) => FOCUS_AREA_LABELS[a])) },
    },
    {
      key: { text: t('practice.type') },
      value: {
        text: c.collaboration
          ? tm(PARTNERSHIP_TYPE_LABELS[c.collaboration])
          : t('practice.version.ownPractice'),
      },
    },
    ...(c.startedIn !== null
      ? [
          {
            key: { text: t('practice.version.began') },
            value: { text: t('practice.version.schoolYear', { from: c.startedIn, to: c.startedIn + 1 }) },
          },
        ]
      : []),
    ...(c.language === 'cy'
      ? [{ key: { text: t('practice.version.language') }, value: { text: 'Cymraeg' } }]
      : []),
  ];
}

/** The library's search for practice in these focus areas: where a gap or a partnership's focus leads. */
export const practiceHref = (focus: readonly FocusArea[]): string =>
  `/practice?${new URLSearchParams(focus.map((f) => ['focus', f]))}`;

/** Practice items with their evidence tags, for the lists other pages show. */
export const withEvidenceTags = <T extends { evidence: { level: EvidenceLevel } }>(
  items: readonly T[],
  language: Language = 'en',
) => items.map((item) => ({ ...item, tag: evidenceTag(item.evidence.level, language) }));

/** A school's published practice, as its profile lists it. */
export const schoolPracticeView = (
  found: Awaited<ReturnType<typeof schoolPractice>>,
  language: Language = 'en',
) => ({
  total: found.total,
  items: withEvidenceTags(found.items, language),
});
