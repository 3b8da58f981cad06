// jstat ships no types; S2S uses only Student's t quantile.
declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number };
  };
}
