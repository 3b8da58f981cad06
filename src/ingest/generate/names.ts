import type { Phase } from '../../domain/school.ts';
import type { Random } from './random.ts';

const STEMS = [
  'Oakfield',
  'Highfield',
  'Meadowside',
  'Brookside',
  'Riverside',
  'Hillcrest',
  'Westwood',
  'Eastbrook',
  'Greenacres',
  'Fairfield',
  'Ashgrove',
  'Beechwood',
  'Elmhurst',
  'Kingsway',
  'Queensbridge',
  'Parkside',
  'Woodlands',
  'Millbrook',
  'Springfield',
  'Northgate',
  'Southlands',
  'Hawthorn',
  'Willowbank',
  'Larchmere',
  'Church Road',
  'Station Road',
  'Castle Hill',
  'Victoria Park',
  'Moorland',
  'Heathfield',
];
const SAINTS = [
  "St Mary's",
  "St John's",
  "St Peter's",
  "St Andrew's",
  'Holy Trinity',
  "St Joseph's",
  'Christ Church',
  "All Saints'",
];
const FAITH = ['Church of England', 'Catholic', 'CofE'];

const SUFFIX: Record<Phase, string[]> = {
  nursery: ['Nursery School'],
  primary: [
    'Primary School',
    'Primary Academy',
    'Infant School',
    'Junior School',
    'Community Primary School',
  ],
  middle: ['Middle School'],
  secondary: ['Academy', 'High School', 'School', 'Community College', 'Secondary School'],
  'all-through': ['All-through School', 'Academy'],
  special: ['Special School', 'School', 'Academy'],
  'alternative-provision': ['Pupil Referral Unit', 'Learning Centre', 'Alternative Provision Academy'],
  '16-plus': ['Sixth Form College'],
  'not-applicable': ['School'],
};

const WELSH: Partial<Record<Phase, string>> = { primary: 'Ysgol Gynradd', secondary: 'Ysgol Uwchradd' };

export function schoolName(random: Random, phase: Phase, town: string | null, welsh: boolean): string {
  const stem = random.chance(0.25) && town ? town : random.pick(STEMS);
  if (welsh && WELSH[phase] && random.chance(0.5)) return `${WELSH[phase]} ${stem}`;
  if ((phase === 'primary' || phase === 'secondary') && random.chance(0.18))
    return `${random.pick(SAINTS)} ${random.pick(FAITH)} ${random.pick(SUFFIX[phase])}`;
  return `${stem} ${random.pick(SUFFIX[phase])}`;
}
