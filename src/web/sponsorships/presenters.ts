import type { Sponsorship } from '../../domain/sponsorship.ts';
import { longDate } from '../../domain/format.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage, type Translate } from '../../i18n/index.ts';

/** A date in the reader's language: "1 Medi 2024". */
export const dayIn = (language: Language, iso: string) =>
  longDate(iso, (month) => translateMessage(language, { message: month }));

/**
 * What a school's page says of its sponsorships, newest first: "Sponsored by X since 1 September
 * 2024" for a school taken on, "Sponsors Y since …" for a sponsor school.
 */
export function sponsorshipLines(
  sponsorships: readonly (Sponsorship & { current: boolean })[],
  urn: number,
  t: Translate,
  language: Language,
): string[] {
  const day = (iso: string) => dayIn(language, iso);
  return sponsorships.map((s) => {
    const taken = s.urn === urn;
    if (s.endsOn === null) {
      return taken
        ? t('sponsorships.sponsoredSince', { sponsor: s.sponsor.name, date: day(s.startsOn) })
        : t('sponsorships.sponsorsSince', { school: s.schoolName, date: day(s.startsOn) });
    }
    const span = { from: day(s.startsOn), to: day(s.endsOn) };
    return taken
      ? t('sponsorships.sponsoredFromTo', { sponsor: s.sponsor.name, ...span })
      : t('sponsorships.sponsoredFromToOf', { school: s.schoolName, ...span });
  });
}
