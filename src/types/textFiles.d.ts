// Files bundled as text by esbuild (loader 'text') and by the vitest plugin of the same name.
declare module '*.md' {
  const text: string;
  export default text;
}
declare module '*.py' {
  const text: string;
  export default text;
}
