import type { Mutation, MutationSite, OperatorFamilyRule, StatementType } from '../mutationSites';

/** Simple statements: deleting one is a one-line change. Declarations and blocks are never deleted. */
const DELETABLE = new Set<StatementType>(['expression', 'assignment', 'augmented-assignment', 'return', 'break', 'continue']);

/** A statement too many: deletes one simple statement's whole lines, never a block's only statement. */
export const statementDeletion: OperatorFamilyRule = {
  family: 'statement-deletion',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind !== 'statement' || site.alone || !DELETABLE.has(site.statement)) return [];
    let { start } = site.lines;
    // The file's last line without a break of its own: the break before it goes with it.
    if (site.lines.end === source.length && !source.endsWith('\n') && start > 0) start -= source.slice(0, start).endsWith('\r\n') ? 2 : 1;
    const first = source.slice(site.range.start, site.range.end).split('\n')[0] ?? '';
    return [{ family: 'statement-deletion', line: site.line, splices: [{ start, end: site.lines.end, text: '' }], description: `delete \`${first.trim()}\`` }];
  },
};
