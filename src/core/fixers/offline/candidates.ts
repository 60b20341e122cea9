import type { SuspiciousLine } from './localise';
import { applySplices, type Language, type Mutation } from './mutationSites';
import { OPERATOR_FAMILIES } from './operators/operatorFamilies';
import type { SourceParser } from './sourceParser';
import { isTestFile, languageOf } from './testFiles';

/** One candidate patch: a mutation of one file, with the file's text before and after. */
export interface Candidate {
  readonly path: string;
  readonly mutation: Mutation;
  readonly original: string;
  readonly patched: string;
  /** Localisation score of its line, lightly discounted by family order: higher is tried first. */
  readonly priority: number;
  /** Characters changed: the smaller patch wins a tie. */
  readonly size: number;
}

/**
 * Every single-edit mutation of the suspicious lines, most suspicious first, without duplicates
 * and never in a test file. Files that do not parse contribute nothing (and say why in `skipped`).
 */
export async function generateCandidates(
  suspicious: readonly SuspiciousLine[],
  parser: SourceParser,
  readText: (path: string) => Promise<string | undefined>,
): Promise<{ candidates: Candidate[]; skipped: string[] }> {
  const byFile = new Map<string, Map<number, number>>();
  for (const s of suspicious) {
    if (isTestFile(s.path) || !languageOf(s.path)) continue;
    const lines = byFile.get(s.path) ?? new Map<number, number>();
    lines.set(s.line, Math.max(lines.get(s.line) ?? 0, s.score));
    byFile.set(s.path, lines);
  }
  const candidates: Candidate[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const [path, lines] of byFile) {
    const original = await readText(path).catch((e: Error) => {
      skipped.push(`${path}: ${e.message}`);
      return undefined;
    });
    if (original === undefined) continue;
    let parsed;
    try {
      parsed = await parser.parse(path, original);
    } catch (error) {
      skipped.push((error as Error).message);
      continue;
    }
    const language = languageOf(path) as Language;
    for (const site of parsed.sites) {
      const score = lines.get(site.line);
      if (score === undefined) continue;
      OPERATOR_FAMILIES.forEach((rule, order) => {
        for (const mutation of rule.mutate(site, original, language)) {
          const patched = applySplices(original, mutation.splices);
          const key = `${path}\0${patched}`;
          if (patched === original || seen.has(key)) continue;
          seen.add(key);
          const size = mutation.splices.reduce((n, s) => n + Math.max(s.end - s.start, s.text.length), 0);
          candidates.push({ path, mutation, original, patched, priority: score * (1 - order * 0.01), size });
        }
      });
    }
  }
  candidates.sort((a, b) => b.priority - a.priority || a.size - b.size || a.path.localeCompare(b.path) || a.mutation.line - b.mutation.line);
  return { candidates, skipped };
}
