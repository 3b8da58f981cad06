import type { Phase } from '../domain/school.ts';

const BY_PHASE_NAME: Record<string, Phase> = {
  nursery: 'nursery',
  primary: 'primary',
  'middle deemed primary': 'middle',
  'middle deemed secondary': 'middle',
  secondary: 'secondary',
  'all-through': 'all-through',
  'all through': 'all-through',
  '16 plus': '16-plus',
  'not applicable': 'not-applicable',
};

/**
 * S2S's phase of a GIAS establishment. The type wins over GIAS's phase for special schools and
 * alternative provision, whose "phase" in GIAS is usually "Not applicable" but which need
 * partners of their own kind.
 */
export function normalisePhase(
  phaseName: string | null,
  typeName: string | null,
  typeGroup: string | null,
): Phase | null {
  const type = (typeName ?? '').toLowerCase();
  const group = (typeGroup ?? '').toLowerCase();
  if (type.includes('pupil referral unit') || type.includes('alternative provision'))
    return 'alternative-provision';
  if (type.includes('special') || group === 'special schools') return 'special';
  if (phaseName === null) return 'not-applicable';
  return BY_PHASE_NAME[phaseName.toLowerCase()] ?? null;
}
