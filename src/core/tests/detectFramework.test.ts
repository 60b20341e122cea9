import { describe, expect, it } from 'vitest';
import { DetectionError, detectTestSetup } from './detectFramework';
import type { FrameworkAdapter } from './frameworks/adapter';
import type { Framework } from './model';
import type { WorkspaceFolderFacts } from './workspaceFacts';

const facts = (entries: string[]): WorkspaceFolderFacts => ({ root: '/ws', rootEntries: new Set(entries), readText: () => undefined });

/** An adapter that detects itself when its marker file is present. */
function adapter(framework: Framework, marker: string, confidence: number): FrameworkAdapter {
  return {
    framework,
    detect: (f) => (f.rootEntries.has(marker) ? { framework, evidence: marker, confidence } : undefined),
    plan: () => ({ invocation: [framework], args: [] }),
    parse: () => ({ tests: [] }),
  };
}
const adapters = [adapter('jest', 'jest.config.js', 5), adapter('vitest', 'vitest.config.ts', 8), adapter('pytest', 'pytest.ini', 9)];

describe('detectTestSetup', () => {
  it('picks the adapter with the strongest evidence', () => {
    const setup = detectTestSetup(facts(['jest.config.js', 'vitest.config.ts']), adapters);
    expect(setup).toMatchObject({ kind: 'framework', detection: { framework: 'vitest', evidence: 'vitest.config.ts' } });
  });

  it('lets an explicit command win while keeping the detected framework for structured results', () => {
    const setup = detectTestSetup(facts(['pytest.ini']), adapters, { command: 'poetry run pytest' });
    expect(setup).toMatchObject({ kind: 'framework', command: 'poetry run pytest', detection: { framework: 'pytest' } });
  });

  it('uses a named framework even when nothing is detected', () => {
    const setup = detectTestSetup(facts([]), adapters, { framework: 'jest', command: 'yarn test' });
    expect(setup).toMatchObject({ kind: 'framework', command: 'yarn test', detection: { framework: 'jest', evidence: 'configured' } });
  });

  it('runs a bare command when no framework is known', () => {
    expect(detectTestSetup(facts([]), adapters, { command: 'make check' })).toEqual({ kind: 'command-only', command: 'make check' });
  });

  it('explains what it looked for and how to set the command when nothing is found', () => {
    expect(() => detectTestSetup(facts(['README.md']), adapters)).toThrow(DetectionError);
    expect(() => detectTestSetup(facts([]), adapters)).toThrow(/Looked for: pytest .*go test \(go.mod\).*--test-cmd/);
  });

  it('rejects an unknown framework name', () => {
    expect(() => detectTestSetup(facts([]), adapters, { framework: 'go' })).toThrow(/unknown framework "go"/);
  });
});
