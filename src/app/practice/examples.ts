import {
  approvePracticeVersion,
  createPracticeRecord,
  demoPracticeSchools,
  practiceRecordCount,
  submitPracticeVersion,
} from '../../data/practice.ts';
import { assessEvidence } from '../../domain/practice/evidence.ts';
import type { PracticeContent, PracticePhase } from '../../domain/practice/model.ts';
import type { AppContext } from '../context.ts';

/**
 * A handful of made-up practice records for the demo, so that the library is not empty on first
 * start. Each is marked as an example (the pages say it is synthetic and that the school did not
 * write it) and rests on the school's own account: S2S claims no evidence for words it made up.
 */

type Example = Omit<
  PracticeContent,
  'phases' | 'links' | 'externalEvaluation' | 'partnershipId' | 'startedIn'
>;

const EXAMPLES: { phase: PracticePhase; content: Example }[] = [
  {
    phase: 'primary',
    content: {
      title: 'Daily paired reading for fluency in Year 3',
      summary: 'Ten minutes of paired reading aloud every morning, with teachers modelling expression first.',
      whatWeDid:
        'Every morning pupils read aloud in mixed-attainment pairs for ten minutes from a book a little above their level.\n\nTeachers modelled expression and pace first, then listened to two pairs a day.',
      pupilGroups: ['all', 'disadvantaged'],
      focusAreas: ['literacy'],
      collaboration: null,
      resources:
        'Ten minutes of class time a day; about £300 for sets of books; one staff meeting to launch it.',
      whatChanged:
        'More pupils read at the expected pace by the summer, and reluctant readers read aloud more willingly.',
      howWeKnow: 'Termly one-minute fluency checks and teachers’ records of who chose to read aloud.',
      language: 'en',
    },
  },
  {
    phase: 'primary',
    content: {
      title: 'Maths talk: explaining answers in full sentences',
      summary:
        'Sentence stems on every table so that pupils explain how they worked an answer out, not just the answer.',
      whatWeDid:
        'Each class agreed three sentence stems for explaining a method. Teachers asked "how do you know?" before "what is the answer?".',
      pupilGroups: ['all', 'eal'],
      focusAreas: ['numeracy', 'teaching-and-learning'],
      collaboration: null,
      resources: 'Two staff meetings and printed stems for each table; no other cost.',
      whatChanged: 'Pupils gave fuller reasons in lessons and in written reasoning questions.',
      howWeKnow: 'Lesson visits by the maths lead and a sample of books each term.',
      language: 'en',
    },
  },
  {
    phase: 'secondary',
    content: {
      title: 'First-day calls home to lift attendance',
      summary:
        'A named member of staff calls home on the first morning of any absence and agrees a plan for the return.',
      whatWeDid:
        'Form tutors called home before ten on the first day of an unexplained absence. Pupils missing more than a day had a short return meeting.',
      pupilGroups: ['all', 'disadvantaged'],
      focusAreas: ['behaviour-and-attendance'],
      collaboration: null,
      resources: 'About 20 minutes a morning across the tutor team; an attendance officer two days a week.',
      whatChanged: 'Fewer absences ran past a second day and persistent absence fell over the year.',
      howWeKnow: 'The school’s attendance records, compared with the year before.',
      language: 'en',
    },
  },
  {
    phase: 'secondary',
    content: {
      title: 'Joint moderation of Year 7 writing with feeder primaries',
      summary: 'English teachers and Year 6 teachers from four primaries marked writing together each term.',
      whatWeDid:
        'Each term Year 6 and Year 7 teachers brought unmarked writing to a twilight session, agreed the standard and compared how they taught the same skills.',
      pupilGroups: ['all'],
      focusAreas: ['literacy', 'data-and-assessment'],
      collaboration: 'peer-to-peer',
      resources: 'Three twilight sessions a year for each school’s English lead; refreshments.',
      whatChanged: 'Year 7 teachers started from what pupils could already do, and less was taught twice.',
      howWeKnow: 'Teachers’ judgements agreed more closely by the third session.',
      language: 'en',
    },
  },
  {
    phase: 'primary',
    content: {
      title: 'Governors’ learning walks on a single theme',
      summary:
        'Governors visit lessons in pairs, twice a year, looking only at the school’s current priority.',
      whatWeDid:
        'Before each walk the headteacher briefed governors on one priority and what to look for. Governors wrote a short note for the next full meeting.',
      pupilGroups: ['all'],
      focusAreas: ['governance', 'leadership'],
      collaboration: null,
      resources:
        'Two mornings a year for two governors; half an hour of the headteacher’s time to brief them.',
      whatChanged: 'Governors asked sharper questions about the priority at full meetings.',
      howWeKnow: 'Minutes of governors’ meetings before and after.',
      language: 'en',
    },
  },
];

/** Adds the examples to an empty library, each published for a school of its phase; returns how many. */
export async function addPracticeExamples(ctx: Pick<AppContext, 'db'>): Promise<number> {
  if ((await practiceRecordCount(ctx.db)) > 0) return 0;
  const phases = [...new Set(EXAMPLES.map((e) => e.phase))];
  const schools = new Map(
    await Promise.all(
      phases.map(async (p) => [p, await demoPracticeSchools(ctx.db, p, EXAMPLES.length)] as const),
    ),
  );
  const evidence = assessEvidence({
    figures: [],
    estimates: [],
    externalEvaluation: '',
    externalChecked: false,
  });
  let added = 0;
  for (const [i, example] of EXAMPLES.entries()) {
    const urn = schools.get(example.phase)?.[i];
    if (urn === undefined) continue;
    const content: PracticeContent = {
      ...example.content,
      phases: [example.phase],
      links: [],
      externalEvaluation: '',
      partnershipId: null,
      startedIn: null,
    };
    const id = await createPracticeRecord(ctx.db, { urn, content, evidence, example: true }, null);
    await submitPracticeVersion(ctx.db, id, 1, null);
    await approvePracticeVersion(ctx.db, id, 1, evidence, null);
    added += 1;
  }
  return added;
}
