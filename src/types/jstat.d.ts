// jstat ships no types; S2S uses Student's t quantile and the F distribution. It is CommonJS, so Node's ESM
// loader gives it as the default export.
declare module 'jstat' {
  const jstat: {
    jStat: {
      studentt: { inv(p: number, dof: number): number };
      centralF: { cdf(x: number, df1: number, df2: number): number };
    };
  };
  export default jstat;
}
