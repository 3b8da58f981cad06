/** GIAS writes a link's type as "Predecessor - merged"; a reader sees "Predecessor (merged)". */
export function linkTypeLabel(type: string): string {
  const [kind, ...how] = type.split(/\s+-\s+/);
  return how.length > 0 ? `${kind} (${how.join(', ').toLowerCase()})` : type;
}
