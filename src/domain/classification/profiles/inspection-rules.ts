import type { Rule } from '../types.ts';

/** Inspection rules shared by the shipped profiles, one per inspection era. */
export function inspectionInNeedRules(prefix: string): Rule[] {
  return [
    {
      id: `${prefix}.in-need.category-of-concern`,
      text: 'In an Ofsted category of concern',
      eras: ['legacy', 'ungraded', 'report-card'],
      all: [{ measure: 'ofsted.category', op: 'in', value: ['special measures', 'serious weaknesses'] }],
    },
    {
      id: `${prefix}.in-need.below-good`,
      text: 'Requires improvement or inadequate at the latest inspection',
      eras: ['legacy'],
      all: [{ measure: 'ofsted.overall', op: 'gte', value: 3 }],
    },
    {
      id: `${prefix}.in-need.key-judgement-below-good`,
      text: 'A key judgement below good at the latest inspection (no overall grade since September 2024)',
      eras: ['ungraded'],
      all: [{ measure: 'ofsted.worstKeyJudgement', op: 'gte', value: 3 }],
    },
    {
      id: `${prefix}.in-need.report-card-concern`,
      text: 'An evaluation area graded "needs attention" or "urgent improvement" on the report card',
      eras: ['report-card'],
      all: [{ measure: 'ofsted.worstReportCard', op: 'gte', value: 4 }],
    },
    {
      id: `${prefix}.in-need.estyn-follow-up`,
      text: 'In an Estyn follow-up category',
      eras: ['estyn'],
      all: [
        {
          measure: 'estyn.followUp',
          op: 'in',
          value: ['special measures', 'significant improvement', 'estyn review'],
        },
      ],
    },
  ];
}

export function inspectionHighPerformingRules(prefix: string): Rule[] {
  return [
    {
      id: `${prefix}.high.outstanding`,
      text: 'Outstanding at the latest inspection',
      eras: ['legacy'],
      all: [{ measure: 'ofsted.overall', op: 'eq', value: 1 }],
    },
    {
      id: `${prefix}.high.outstanding-key-judgements`,
      text: 'Outstanding in every key judgement at the latest inspection',
      eras: ['ungraded'],
      all: [{ measure: 'ofsted.worstKeyJudgement', op: 'eq', value: 1 }],
    },
    {
      id: `${prefix}.high.exceptional-report-card`,
      text: 'Exceptional in at least one area of the report card and strong standard or better in all',
      eras: ['report-card'],
      all: [
        { measure: 'ofsted.bestReportCard', op: 'eq', value: 1 },
        { measure: 'ofsted.worstReportCard', op: 'lte', value: 2 },
      ],
    },
  ];
}
