import { parseArgs } from 'node:util';
import { restoreRun } from '../../core/engine/restoreRun';
import { NodeWorkspace } from '../../core/workspace/nodeWorkspace';
import { UsageError } from '../usage';
import { storeAt } from './history';

/** `loopgain restore <id> [--iteration N|best] [--force]`: put the workspace back to an iteration's state. */
export async function runRestore(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { cwd: { type: 'string' }, iteration: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const id = positionals[0];
  if (!id) throw new UsageError('restore which run? give its id (see `loopgain runs`)');
  const raw = values.iteration ?? 'best';
  const target = raw === 'best' ? 'best' : Number(raw);
  if (target !== 'best' && !(Number.isInteger(target) && target >= 0)) throw new UsageError(`--iteration expects a number ≥ 0 or "best", got "${raw}"`);
  const store = storeAt(values.cwd);
  const state = await store.load(id).catch((e: Error) => {
    throw new UsageError(e.message);
  });
  const outcome = await restoreRun(store, id, target, new NodeWorkspace(state.workspaceRoot), { force: values.force === true });
  if (outcome.refusedBecause) {
    process.stderr.write(`loopgain: not restored: ${outcome.refusedBecause.join(', ')} changed since the loop wrote them. Commit or stash your changes, or pass --force to overwrite them.\n`);
    return 1;
  }
  process.stdout.write(outcome.files.length === 0 ? `the workspace already is iteration ${outcome.iteration}\n` : `restored iteration ${outcome.iteration}: ${outcome.files.join(', ')}\n(undo: loopgain restore ${id} --iteration <the iteration you came from>)\n`);
  return 0;
}
