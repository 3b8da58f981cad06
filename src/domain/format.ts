/**
 * Numbers and dates as the service writes them everywhere (pages, reasons, emails): one format,
 * so a reader never meets "2019-03-13" in one place and "13 March 2019" in another.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "13 March 2019" from an ISO date or timestamp (yyyy-mm-dd…); the date as written otherwise.
 * `say` puts the month's English name in the reader's language ("13 Mawrth 2019").
 */
export function longDate(iso: string, say: (english: string) => string = (english) => english): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${say(month)} ${m[1]}` : iso;
}

/** "March 2019" from an ISO date or month (yyyy-mm…), or undefined when it is not one. */
export function monthAndYear(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : undefined;
}

const formatters = new Map<number, Intl.NumberFormat>();

/**
 * A number with a fixed count of decimals and thousands separators. A value that rounds to zero
 * is written "0.0", never "-0.0": a reader takes a minus sign as "below".
 */
export function formatNumber(value: number, digits = 0): string {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(digits, formatter);
  }
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return formatter.format(0);
  return Math.abs(rounded) < PLAIN_LIMIT && digits <= 3
    ? grouped(rounded.toFixed(digits))
    : formatter.format(rounded);
}

/**
 * Below this, with at most three decimals, a rounded value's `toFixed` digits are exactly those
 * Intl writes (both fewer than 15 significant digits), so only the thousands separators are
 * added here: Intl costs a microsecond a number, and the national analysis writes hundreds of
 * thousands of them.
 */
const PLAIN_LIMIT = 1e11;

function grouped(fixed: string): string {
  const sign = fixed.startsWith('-') ? '-' : '';
  const point = fixed.indexOf('.');
  const whole = fixed.slice(sign.length, point === -1 ? fixed.length : point);
  if (whole.length <= 3) return fixed;
  let out = whole.slice(0, whole.length % 3 || 3);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return sign + out + (point === -1 ? '' : fixed.slice(point));
}

/**
 * A median of counts, which is whole or halfway between two: "3" or "2.5", never "3.0", which
 * suggests a precision the figure does not have.
 */
export function formatMedian(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** A score with its sign ("+0.25", "−0.80", "0.00"), for progress measures centred on zero. */
export function signedNumber(value: number, digits: number): string {
  const text = formatNumber(Math.abs(value), digits);
  const rounded = Number(value.toFixed(digits));
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** "1 school", "2 schools": a count with its noun, singular or plural. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
