// Data files under data/ are YAML; esbuild (esbuild.mjs) and vitest (vitest.config.ts)
// both turn them into plain JSON modules at build time so nothing is read from disk at run time.
declare module '*.yaml' {
  const value: unknown;
  export default value;
}
