import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobStore } from './blobStore';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'loopgain-blobs-'));
const allFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));

describe('BlobStore', () => {
  it('addresses content by its SHA-256, in a two-character fan-out folder', async () => {
    const dir = fresh();
    const store = new BlobStore(dir);
    const hash = await store.put('hello\n');
    const expected = createHash('sha256').update('hello\n').digest('hex');
    expect(hash).toBe(expected);
    expect(BlobStore.hash('hello\n')).toBe(expected);
    expect(readFileSync(join(dir, expected.slice(0, 2), expected.slice(2)), 'utf8')).toBe('hello\n');
  });

  it('stores the same content once, however often it is put', async () => {
    const dir = fresh();
    const store = new BlobStore(dir);
    const a = await store.put('same');
    const b = await store.put('same');
    const c = await store.put('other');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(allFiles(dir)).toHaveLength(2);
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives back the exact text: unicode, CRLF, BOM, empty, no trailing newline', async () => {
    const store = new BlobStore(fresh());
    const texts = ['', 'no newline', 'line1\r\nline2\r\n', '\uFEFFbom first\n', 'Grüße, 你好, emoji 🎉, combining é\n', 'mixed\nLF\r\nand CRLF\r', 'tab\tand\u0000nul'];
    for (const text of texts) {
      const hash = await store.put(text);
      expect(await store.get(hash)).toBe(text);
    }
    // Texts differing only in line endings are different blobs.
    expect(await store.put('a\nb')).not.toBe(await store.put('a\r\nb'));
  });

  it('detects a corrupted blob file', async () => {
    const dir = fresh();
    const store = new BlobStore(dir);
    const hash = await store.put('original content');
    writeFileSync(join(dir, hash.slice(0, 2), hash.slice(2)), 'tampered content');
    await expect(store.get(hash)).rejects.toThrow(`snapshot ${hash.slice(0, 12)} is corrupt (its content no longer matches its hash)`);
  });

  it('fails to get a blob that was never stored', async () => {
    const store = new BlobStore(fresh());
    await expect(store.get(BlobStore.hash('never stored'))).rejects.toThrow(/ENOENT/);
  });
});
