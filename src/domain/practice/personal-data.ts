/**
 * A practice record is public, so it must hold no pupil's or member of staff's personal data.
 * Before a record goes to moderation S2S looks for what most often gives someone away: an email
 * address, a telephone number, or a name after a title ("Mrs Patel") or after "called" or
 * "named". It flags, it does not judge: the author confirms that a flagged passage identifies
 * nobody, and a moderator reads the record before it is published.
 */

export type PersonalDataKind = 'email' | 'phone' | 'name';

export interface PersonalDataFlag {
  field: string;
  kind: PersonalDataKind;
  /** The passage as written, to show the author where. */
  text: string;
}

export const PERSONAL_DATA_KIND_LABELS: Record<PersonalDataKind, string> = {
  email: 'an email address',
  phone: 'a telephone number',
  name: 'a person’s name',
};

const PATTERNS: [PersonalDataKind, RegExp][] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  // UK numbers: 01…, 02…, 07…, 03…, 08… with 10 or 11 digits, or +44; spaces, dots and dashes allowed.
  ['phone', /(?:\+44[\s.-]?\(?0?\)?|\b0)\d(?:[\s.-]?\d){8,9}\b/g],
  [
    'name',
    /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+\p{Lu}[\p{L}'’-]+|\b(?:called|named)\s+\p{Lu}[\p{L}'’-]+/gu,
  ],
];

/** Every likely piece of personal data in the given fields, in field order. */
export function findPersonalData(fields: Record<string, string | readonly string[]>): PersonalDataFlag[] {
  const flags: PersonalDataFlag[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const text = typeof value === 'string' ? value : value.join('\n');
    for (const [kind, pattern] of PATTERNS) {
      for (const match of text.matchAll(pattern)) flags.push({ field, kind, text: match[0].trim() });
    }
  }
  return flags;
}
