import type { SuspiciousLine } from './localise';
import { applySplices, siteLines, type Language, type Mutation, type Splice } from './mutationSites';
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
 * and never in a test file; at most `limit` of them. Files that do not parse contribute nothing
 * (and say why in `skipped`). Mutations are ranked before any patched text is made, so a large
 * file with many suspicious lines costs `limit` copies of it, not one per mutation.
 */
export async function generateCandidates(
  suspicious: readonly SuspiciousLine[],
  parser: SourceParser,
  readText: (path: string) => Promise<string | undefined>,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ candidates: Candidate[]; skipped: string[]; mutations: number }> {
  const byFile = new Map<string, Map<number, number>>();
  for (const s of suspicious) {
    if (isTestFile(s.path) || !languageOf(s.path)) continue;
    const lines = byFile.get(s.path) ?? new Map<number, number>();
    lines.set(s.line, Math.max(lines.get(s.line) ?? 0, s.score));
    byFile.set(s.path, lines);
  }
  const ranked: Omit<Candidate, 'patched'>[] = [];
  const skipped: string[] = [];
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
      if (!siteLines(site).some((l) => lines.has(l))) continue;
      OPERATOR_FAMILIES.forEach((rule, order) => {
        for (const mutation of rule.mutate(site, original, language)) {
          // A statement's mutations may sit on its last line (insertion after it): that line's score, else the site's.
          const score = lines.get(mutation.line) ?? lines.get(site.line) ?? Math.max(...siteLines(site).map((l) => lines.get(l) ?? 0));
          ranked.push({ path, mutation, original, priority: score * (1 - order * 0.01), size: sizeOf(original, mutation.splices) });
        }
      });
    }
  }
  ranked.sort((a, b) => b.priority - a.priority || a.size - b.size || a.path.localeCompare(b.path) || a.mutation.line - b.mutation.line);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const r of ranked) {
    if (candidates.length >= limit) break;
    const patched = applySplices(r.original, r.mutation.splices);
    const key = `${r.path}\0${patched}`;
    if (patched === r.original || seen.has(key)) continue;
    seen.add(key);
    candidates.push({ ...r, patched });
  }
  return { candidates, skipped, mutations: ranked.length };
}

/**
 * Characters changed, indentation aside: the smaller patch wins a tie, and a deleted or inserted
 * line should not count as bigger for being nested deeper.
 */
function sizeOf(original: string, splices: readonly Splice[]): number {
  return splices.reduce((n, s) => n + Math.max(original.slice(s.start, s.end).trim().length, s.text.trim().length), 0);
}
