/** Small pieces of the impact report's English, shared by its readings. */

export const one = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));

export const moved = (x: number, unit: string) =>
  Math.abs(x) < 0.05 ? 'stayed the same' : `${x > 0 ? 'rose' : 'fell'} by ${one(Math.abs(x))} ${unit}`;

/** The same, after "would have": "risen by 2.0 points". */
export const movedSince = (x: number, unit: string) =>
  Math.abs(x) < 0.05 ? 'stayed the same' : `${x > 0 ? 'risen' : 'fallen'} by ${one(Math.abs(x))} ${unit}`;

const count = new Intl.NumberFormat('en-GB');
export const schools = (n: number) => `${count.format(n)} ${n === 1 ? 'school' : 'schools'}`;

/** "2019", "2017 to 2019", or "2018, 2019 and 2022" when the years are not consecutive. */
export function yearsText(years: number[]): string {
  if (years.length === 0) return 'no years';
  if (years.length === 1) return String(years[0]);
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  if (consecutive) return `${years[0]} to ${years.at(-1)}`;
  return `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
}
