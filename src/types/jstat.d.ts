// jstat ships no types; S2S uses only Student's t quantile. It is CommonJS, so Node's ESM
// loader gives it as the default export.
declare module 'jstat' {
  const jstat: {
    jStat: {
      studentt: { inv(p: number, dof: number): number };
    };
  };
  export default jstat;
}
