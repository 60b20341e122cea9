import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCorpus, repairProgram } from '../support/repairCorpus';

// The offline fixer through the real engine on a reduced set of the repair corpus, in CI: one-edit
// bugs of different operator families in both languages that it repairs today, kept as a guard
// against regressions. The whole corpus (68 programs, hard cases included) is measured by
// `npm run bench -- repair`, not here: it takes tens of minutes.
const REDUCED = ['python/age_calc', 'python/cli_args', 'python/grade_book', 'python/calc_tokenizer', 'javascript/chat-filter', 'javascript/checklist-parse', 'javascript/chunk-array', 'javascript/day-of-year'];
const programs = loadCorpus((p) => REDUCED.includes(`${p.language}/${p.name}`));
const pytest = spawnSync('python3', ['-m', 'pytest', '--version']).status === 0;
if (!pytest && process.env.CI) throw new Error('python3 -m pytest is missing: .ci/run installs it');
if (!pytest) console.warn('SKIPPED the Python programs of the reduced repair corpus: python3 -m pytest is not available');

describe('offline fixer on a reduced repair corpus', () => {
  it('finds every program of the reduced set', () => {
    expect(programs.map((p) => `${p.language}/${p.name}`).sort()).toEqual([...REDUCED].sort());
  });

  for (const program of programs) {
    it.runIf(pytest || program.language === 'javascript')(`repairs ${program.language}/${program.name} (${program.family}) with the tests untouched`, async () => {
      const r = await repairProgram(program, { maxIterations: 3, fixerBudgetMs: 60_000 });
      expect(r.testsUntouched).toBe(true);
      expect({ status: r.status, fixed: r.fixed }).toEqual({ status: 'SUCCESS', fixed: true });
    }, 180_000);
  }
});
