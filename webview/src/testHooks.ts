/** Set by the build: true only in the bundle the browser tests and the bench load. */
declare const LOOPGAIN_TEST_HOOKS: boolean | undefined;

export const TEST_HOOKS = typeof LOOPGAIN_TEST_HOOKS !== 'undefined' && LOOPGAIN_TEST_HOOKS === true;

/** Puts a value on `window` for the browser tests to read (the Chart instance, the message entry point). */
export function exposeForTests(name: string, value: unknown): void {
  if (TEST_HOOKS) (window as unknown as Record<string, unknown>)[name] = value;
}
