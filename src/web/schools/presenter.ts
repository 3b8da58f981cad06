import {
  GRADE4_LABELS,
  GRADE5_LABELS,
  type Inspection,
  type KeyJudgement,
  type Performance,
  type ReportCardArea,
} from '../../domain/school.ts';
import type { NationalAverages } from '../../domain/school.ts';

const KEY_JUDGEMENT_LABELS: Record<KeyJudgement, string> = {
  qualityOfEducation: 'Quality of education',
  behaviourAndAttitudes: 'Behaviour and attitudes',
  personalDevelopment: 'Personal development',
  leadershipAndManagement: 'Leadership and management',
  earlyYears: 'Early years provision',
  sixthForm: 'Sixth form provision',
};

const REPORT_CARD_LABELS: Record<ReportCardArea, string> = {
  inclusion: 'Inclusion',
  curriculumAndTeaching: 'Curriculum and teaching',
  achievement: 'Achievement',
  attendanceAndBehaviour: 'Attendance and behaviour',
  personalDevelopmentAndWellbeing: 'Personal development and well-being',
  leadershipAndGovernance: 'Leadership and governance',
  earlyYears: 'Early years',
  post16: 'Post-16',
};

const ERA_LABELS: Record<Inspection['era'], string> = {
  legacy: 'Ofsted inspection with an overall effectiveness grade (before September 2024)',
  ungraded: 'Ofsted inspection without an overall grade (September 2024 to November 2025)',
  'report-card': 'Ofsted report card (from November 2025)',
  estyn: 'Estyn inspection (Wales: no summative grade)',
};

export interface InspectionView {
  startDate: string;
  publicationDate: string | null;
  type: string | null;
  era: string;
  headline: string;
  judgements: { label: string; value: string }[];
}

/** Shows each era as it was published: no overall grade is invented where there is none. */
export function describeInspection(inspection: Inspection): InspectionView {
  const judgements: { label: string; value: string }[] = [];
  for (const [key, grade] of Object.entries(inspection.keyJudgements)) {
    judgements.push({ label: KEY_JUDGEMENT_LABELS[key as KeyJudgement] ?? key, value: GRADE4_LABELS[grade] });
  }
  for (const [key, grade] of Object.entries(inspection.reportCard)) {
    judgements.push({ label: REPORT_CARD_LABELS[key as ReportCardArea] ?? key, value: GRADE5_LABELS[grade] });
  }
  if (inspection.safeguardingMet !== null) {
    judgements.push({ label: 'Safeguarding', value: inspection.safeguardingMet ? 'Met' : 'Not met' });
  }
  let headline: string;
  if (inspection.era === 'legacy' && inspection.overallEffectiveness) {
    headline = `Overall effectiveness: ${GRADE4_LABELS[inspection.overallEffectiveness]}`;
  } else if (inspection.era === 'estyn') {
    headline = inspection.estynFollowUp ? `Follow-up: ${inspection.estynFollowUp}` : 'No follow-up activity';
  } else if (inspection.era === 'report-card') {
    headline = 'Graded by evaluation area (no single overall grade)';
  } else {
    headline = 'No overall effectiveness grade (key judgements only)';
  }
  if (inspection.category) headline += ` – ${inspection.category}`;
  return {
    startDate: inspection.startDate,
    publicationDate: inspection.publicationDate,
    type: inspection.inspectionType,
    era: ERA_LABELS[inspection.era],
    headline,
    judgements,
  };
}

const MEASURES: { key: keyof NationalAverages & keyof Performance; label: string; unit: '%' | 'score' }[] = [
  { key: 'rwmExpectedPercent', label: 'Reading, writing and maths: expected standard', unit: '%' },
  { key: 'readingExpectedPercent', label: 'Reading: expected standard', unit: '%' },
  { key: 'writingExpectedPercent', label: 'Writing: expected standard', unit: '%' },
  { key: 'mathsExpectedPercent', label: 'Maths: expected standard', unit: '%' },
  { key: 'readingProgress', label: 'Reading progress score', unit: 'score' },
  { key: 'writingProgress', label: 'Writing progress score', unit: 'score' },
  { key: 'mathsProgress', label: 'Maths progress score', unit: 'score' },
  { key: 'progress8', label: 'Progress 8 score', unit: 'score' },
  { key: 'attainment8', label: 'Attainment 8 score', unit: 'score' },
  { key: 'englishMaths5Percent', label: 'English and maths grade 5 or above', unit: '%' },
];

export interface PerformanceRow {
  label: string;
  school: string;
  national: string;
  comparison: string;
}

export function performanceRows(performance: Performance, national: NationalAverages): PerformanceRow[] {
  const format = (value: number | null | undefined, unit: '%' | 'score') =>
    value === null || value === undefined
      ? 'Not published'
      : unit === '%'
        ? `${value.toFixed(0)}%`
        : value.toFixed(1);
  return MEASURES.filter(({ key }) => typeof performance[key] === 'number').map(({ key, label, unit }) => {
    const value = performance[key] as number;
    const avg = national[key];
    let comparison = '–';
    if (typeof avg === 'number') {
      const diff = value - avg;
      const threshold = unit === '%' ? 1 : 0.1;
      comparison =
        Math.abs(diff) < threshold ? 'Close to national' : diff > 0 ? 'Above national' : 'Below national';
    }
    return { label, school: format(value, unit), national: format(avg, unit), comparison };
  });
}
