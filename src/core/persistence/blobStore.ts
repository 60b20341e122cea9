import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicFile';

/**
 * Content-addressed storage for file snapshots: each distinct content is stored once, under its
 * SHA-256, however many iterations or files share it.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  static hash(text: string): string {
    return createHash('sha256').update(text, 'utf8').digest('hex');
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash.slice(2));
  }

  async put(text: string): Promise<string> {
    const hash = BlobStore.hash(text);
    const path = this.pathOf(hash);
    const exists = await fs.stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFileAtomic(path, text);
    return hash;
  }

  async get(hash: string): Promise<string> {
    const text = await fs.readFile(this.pathOf(hash), 'utf8');
    if (BlobStore.hash(text) !== hash) throw new Error(`snapshot ${hash.slice(0, 12)} is corrupt (its content no longer matches its hash)`);
    return text;
  }
}
