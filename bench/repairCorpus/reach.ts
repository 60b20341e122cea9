// Reach of the offline fixer's operator families on the repair corpus, without running a test:
// for each program, every candidate the fixer would generate for the lines of the function that
// holds the bug (no localisation), and whether one of them is exactly the seeded fix. The corpus
// is a held-out check: nothing here (or in the operators) knows its programs.
//
// From the repository root:
//   npx esbuild bench/repairCorpus/reach.ts --bundle --platform=node --loader:.py=text \
//     --outfile=dist/bench/reach.js && node dist/bench/reach.js [name-filter] [--verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCandidates } from '../../src/core/fixers/offline/candidates';
import type { Definition } from '../../src/core/fixers/offline/mutationSites';
import { OPERATOR_FAMILIES } from '../../src/core/fixers/offline/operators/operatorFamilies';
import { SourceParser } from '../../src/core/fixers/offline/sourceParser';
import { mean, printTable } from '../table';

const CORPUS = join('bench', 'repair-corpus');
/** The fixer screens at most this many candidates per iteration (offlineFixer.ts's default). */
const MAX_CANDIDATES = 400;

interface Edit {
  readonly line: number;
  readonly buggy: string;
  readonly fixed: string;
}

interface Program {
  readonly language: string;
  readonly name: string;
  readonly dir: string;
  readonly family: string;
  readonly file: string;
  readonly edits: readonly Edit[];
}

interface Reach {
  readonly program: Program;
  readonly candidates: number;
  /** Candidates per generating family. */
  readonly byFamily: ReadonlyMap<string, number>;
  /** The family of the candidate that is the seeded fix, if any. */
  readonly foundBy?: string;
  /** Its rank among the candidates (0-based), in the fixer's order. */
  readonly rank?: number;
  readonly problem?: string;
}

function loadPrograms(filter: string): Program[] {
  const programs: Program[] = [];
  for (const language of ['python', 'javascript']) {
    const base = join(CORPUS, language);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const bugPath = join(base, name, 'bug.json');
      if (!name.includes(filter) || !existsSync(bugPath)) continue;
      const bug = JSON.parse(readFileSync(bugPath, 'utf8')) as Edit & { file: string; family: string; fix?: Edit[] };
      programs.push({ language, name, dir: join(base, name), family: bug.family, file: bug.file, edits: bug.fix ?? [bug] });
    }
  }
  return programs;
}

/** The file as the seeded fix makes it: a `fixed` of "" deletes the line, one with \n inserts lines. */
function seededFix(source: string, edits: readonly Edit[]): string {
  const lines = source.split('\n');
  for (const e of [...edits].sort((a, b) => b.line - a.line)) lines.splice(e.line - 1, 1, ...(e.fixed === '' ? [] : e.fixed.split('\n')));
  return lines.join('\n');
}

/** The lines of the smallest named function holding the line (a method, not a lambda inside it); else the whole file. */
function functionLines(definitions: readonly Definition[], line: number, lineCount: number): number[] {
  const holding = definitions.filter((d) => d.startLine <= line && line <= d.endLine);
  const named = holding.filter((d) => d.name !== undefined).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine));
  const chosen = named[0] ?? holding[0];
  const [from, to] = chosen ? [chosen.startLine, chosen.endLine] : [1, lineCount];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

async function reachOf(program: Program, parser: SourceParser): Promise<Reach> {
  const source = readFileSync(join(program.dir, program.file), 'utf8');
  const target = seededFix(source, program.edits);
  let definitions: readonly Definition[];
  try {
    definitions = (await parser.parse(program.file, source)).definitions;
  } catch (error) {
    return { program, candidates: 0, byFamily: new Map(), problem: (error as Error).message };
  }
  const lineCount = source.split('\n').length;
  const lines = new Set(program.edits.flatMap((e) => functionLines(definitions, e.line, lineCount)));
  const suspicious = [...lines].map((line) => ({ path: program.file, line, score: 1 }));
  const { candidates, skipped } = await generateCandidates(suspicious, parser, async (path) => (path === program.file ? source : undefined));
  const rank = candidates.findIndex((c) => c.patched === target);
  const found = candidates[rank];
  const byFamily = new Map<string, number>();
  for (const c of candidates) byFamily.set(c.mutation.family, (byFamily.get(c.mutation.family) ?? 0) + 1);
  return { program, candidates: candidates.length, byFamily, foundBy: found?.mutation.family, rank: found ? rank : undefined, problem: skipped[0] };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const programs = loadPrograms(args.find((a) => !a.startsWith('--')) ?? '');
  const results: Reach[] = [];
  for (const program of programs) {
    const parser = new SourceParser({ cwd: program.dir });
    results.push(await reachOf(program, parser));
  }

  if (verbose) {
    printTable(
      'Reach per program (candidates for the whole function holding the bug)',
      ['program', 'family', 'candidates', 'found by', 'rank'],
      results.map((r) => [`${r.program.language}/${r.program.name}`, r.program.family, r.candidates, r.foundBy ?? (r.problem ? `(${r.problem.slice(0, 40)})` : '—'), r.rank ?? '—']),
    );
  }

  const families = [...new Set(results.map((r) => r.program.family))].sort();
  const row = (label: string, rs: readonly Reach[]): (string | number)[] => {
    const count = (lang: string): string => {
      const of = rs.filter((r) => r.program.language === lang);
      return `${of.filter((r) => r.foundBy).length}/${of.length}`;
    };
    return [
      label,
      count('python'),
      count('javascript'),
      `${rs.filter((r) => r.foundBy).length}/${rs.length}`,
      `${rs.filter((r) => r.rank !== undefined && r.rank < MAX_CANDIDATES).length}/${rs.length}`,
      mean(rs.map((r) => r.candidates)).toFixed(1),
      Math.max(0, ...rs.map((r) => r.candidates)),
    ];
  };
  printTable(
    'Reach of the operator families on the repair corpus (seeded fix among the candidates of its function; no tests run)',
    ['family', 'python', 'javascript', 'reachable', `in first ${MAX_CANDIDATES}`, 'mean candidates', 'max'],
    [...families.map((f) => row(f, results.filter((r) => r.program.family === f))), row('total', results)],
    'two-edit bugs need two edits: no single candidate can be their fix.',
  );
  const generating = OPERATOR_FAMILIES.map((rule) => rule.family);
  printTable(
    'Candidates per program by the family that made them (operator order; duplicates counted once, for the first family)',
    ['family', 'mean', 'max', 'share'],
    generating.map((family) => {
      const counts = results.map((r) => r.byFamily.get(family) ?? 0);
      const total = results.reduce((n, r) => n + r.candidates, 0);
      return [family, mean(counts).toFixed(1), Math.max(0, ...counts), `${((100 * counts.reduce((a, b) => a + b, 0)) / Math.max(1, total)).toFixed(1)}%`];
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
