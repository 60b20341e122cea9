import { parseJavaScript } from './javascriptSites';
import type { ParsedSource } from './mutationSites';
import { parsePython } from './pythonSites';
import { languageOf } from './testFiles';

export interface ParserOptions {
  readonly cwd: string;
  readonly python?: string;
  readonly signal?: AbortSignal;
}

/** Parses files once per content: the same file is asked about by localisation and by mutation. */
export class SourceParser {
  private readonly cache = new Map<string, Promise<ParsedSource>>();

  constructor(private readonly options: ParserOptions) {}

  parse(path: string, source: string): Promise<ParsedSource> {
    const key = `${path}\0${source}`;
    let parsed = this.cache.get(key);
    if (!parsed) {
      parsed = this.parseUncached(path, source);
      this.cache.set(key, parsed);
    }
    return parsed;
  }

  private async parseUncached(path: string, source: string): Promise<ParsedSource> {
    switch (languageOf(path)) {
      case 'javascript':
        return parseJavaScript(source, path);
      case 'python':
        return parsePython(source, path, this.options);
      default:
        return { sites: [], definitions: [] };
    }
  }
}
