import { parseJavaScript } from '../../src/core/fixers/offline/javascriptSites';
import { applySplices, type Language, type OperatorFamilyRule } from '../../src/core/fixers/offline/mutationSites';
import { parsePython } from '../../src/core/fixers/offline/pythonSites';

/** Every patched text (with its description) one operator family makes of a snippet. */
export async function mutationsOf(rule: OperatorFamilyRule, source: string, language: Language): Promise<{ description: string; patched: string }[]> {
  const parsed = language === 'javascript' ? parseJavaScript(source, 'snippet.js') : await parsePython(source, 'snippet.py', { cwd: process.cwd() });
  return parsed.sites.flatMap((site) => rule.mutate(site, source, language).map((m) => ({ description: m.description, patched: applySplices(source, m.splices) })));
}

export const patchedTexts = async (rule: OperatorFamilyRule, source: string, language: Language): Promise<string[]> =>
  (await mutationsOf(rule, source, language)).map((m) => m.patched);
