import type { TestCase } from '../tests/model';
import type { Workspace } from '../workspace/workspace';
import { projectRootOf } from './approvals/policies';

/** The project roots (nearest folder with a project marker) of the failing tests' files and frames. */
export async function failingProjects(failing: readonly TestCase[], workspace: Workspace): Promise<Set<string>> {
  const files = new Set<string>();
  for (const t of failing) {
    if (t.file) files.add(t.file);
    for (const f of t.stack) if (f.inWorkspace) files.add(f.file);
  }
  const exists = async (path: string): Promise<boolean> => (await workspace.readText(path).catch(() => undefined)) !== undefined;
  const roots = new Set<string>();
  for (const file of files) roots.add(await projectRootOf(file, exists));
  return roots;
}
