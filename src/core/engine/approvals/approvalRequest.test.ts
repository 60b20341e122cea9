import { describe, expect, it } from 'vitest';
import { createApprovalRequest, worldFingerprint, type RequestInput } from './approvalRequest';

const NOW = new Date('2025-06-01T12:00:00.000Z');

const input = (over: Partial<RequestInput> = {}): RequestInput => ({
  iteration: 3,
  reasons: [{ rule: 'deletion', path: 'src/old.ts', reason: 'deletes src/old.ts' }],
  files: new Map<string, { before: string | undefined; after: string | undefined }>([
    ['src/a.ts', { before: 'one\ntwo\nthree\n', after: 'one\n2\nthree\n' }],
    ['src/new.ts', { before: undefined, after: 'fresh\n' }],
    ['src/old.ts', { before: 'gone\n', after: undefined }],
  ]),
  failingIds: ['t2', 't1'],
  ttlMs: 3_600_000,
  now: NOW,
  ...over,
});

describe('createApprovalRequest', () => {
  it('is deeply frozen: assigning anywhere throws in strict mode', () => {
    const request = createApprovalRequest(input());
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.files)).toBe(true);
    expect(Object.isFrozen(request.files[0])).toBe(true);
    expect(Object.isFrozen(request.reasons)).toBe(true);
    expect(Object.isFrozen(request.reasons[0])).toBe(true);
    expect(() => {
      (request as { iteration: number }).iteration = 4;
    }).toThrow(TypeError);
    expect(() => {
      (request.files[0] as { diff: string }).diff = 'approve something else';
    }).toThrow(TypeError);
    expect(() => {
      (request.reasons[0] as { reason: string }).reason = 'nothing to see';
    }).toThrow(TypeError);
    expect(() => (request.files as { path: string; diff: string }[]).push({ path: 'x', diff: '' })).toThrow(TypeError);
    expect(request.iteration).toBe(3);
    expect(request.files).toHaveLength(3);
  });

  it('does not freeze or share the caller’s reasons', () => {
    const reasons = [{ rule: 'large-change' as const, reason: 'big' }];
    const request = createApprovalRequest(input({ reasons }));
    expect(Object.isFrozen(reasons[0])).toBe(false);
    expect(request.reasons[0]).not.toBe(reasons[0]);
    expect(request.reasons).toEqual(reasons);
  });

  it('has a unique token, not present in its id', () => {
    const requests = Array.from({ length: 20 }, () => createApprovalRequest(input()));
    expect(new Set(requests.map((r) => r.token)).size).toBe(20);
    expect(new Set(requests.map((r) => r.id)).size).toBe(20);
    for (const r of requests) {
      expect(r.id).toMatch(/^apr-[0-9a-f]{8}$/);
      expect(r.token).toMatch(/^[0-9a-f]{32}$/); // hex: never starts with '-' on a command line
      expect(r.id).not.toContain(r.token);
      expect(JSON.stringify({ ...r, token: undefined })).not.toContain(r.token);
    }
  });

  it('expires at now + TTL', () => {
    const request = createApprovalRequest(input());
    expect(request.createdAt).toBe('2025-06-01T12:00:00.000Z');
    expect(request.expiresAt).toBe('2025-06-01T13:00:00.000Z');
    expect(createApprovalRequest(input({ ttlMs: 90_500 })).expiresAt).toBe('2025-06-01T12:01:30.500Z');
  });

  it('carries one unified diff per file, from before to after', () => {
    const { files } = createApprovalRequest(input());
    expect(files.map((f) => f.path)).toEqual(['src/a.ts', 'src/new.ts', 'src/old.ts']);
    const [edited, created, deleted] = files.map((f) => f.diff);
    expect(edited).toContain('--- a/src/a.ts');
    expect(edited).toContain('+++ b/src/a.ts');
    expect(edited).toContain('@@ -1,3 +1,3 @@');
    expect(edited).toMatch(/^-two$/m);
    expect(edited).toMatch(/^\+2$/m);
    expect(edited).toMatch(/^ one$/m);
    expect(created).toContain('@@ -0,0 +1,1 @@');
    expect(created).toMatch(/^\+fresh$/m);
    expect(deleted).toContain('@@ -1,1 +0,0 @@');
    expect(deleted).toMatch(/^-gone$/m);
  });

  it('fingerprints the files as they are before the edit and the failing ids', () => {
    const request = createApprovalRequest(input());
    const current = new Map<string, string | undefined>([
      ['src/old.ts', 'gone\n'],
      ['src/a.ts', 'one\ntwo\nthree\n'],
      ['src/new.ts', undefined],
    ]);
    expect(request.fingerprint).toBe(worldFingerprint(current, ['t1', 't2']));
    expect(request.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('worldFingerprint', () => {
  const files = (entries: [string, string | undefined][]): Map<string, string | undefined> => new Map(entries);
  const base = worldFingerprint(
    files([
      ['a.ts', 'A'],
      ['b.ts', 'B'],
    ]),
    ['t1', 't2'],
  );

  it('does not depend on the order of files or ids', () => {
    expect(
      worldFingerprint(
        files([
          ['b.ts', 'B'],
          ['a.ts', 'A'],
        ]),
        ['t2', 't1'],
      ),
    ).toBe(base);
  });

  it('changes when a file’s content changes, or a file disappears', () => {
    expect(worldFingerprint(files([['a.ts', 'A'], ['b.ts', 'B!']]), ['t1', 't2'])).not.toBe(base);
    expect(worldFingerprint(files([['a.ts', 'A'], ['b.ts', undefined]]), ['t1', 't2'])).not.toBe(base);
    expect(worldFingerprint(files([['a.ts', 'A'], ['b.ts', '']]), ['t1', 't2'])).not.toBe(worldFingerprint(files([['a.ts', 'A'], ['b.ts', undefined]]), ['t1', 't2']));
  });

  it('changes when the failing ids change', () => {
    const two = files([
      ['a.ts', 'A'],
      ['b.ts', 'B'],
    ]);
    expect(worldFingerprint(two, ['t1'])).not.toBe(base);
    expect(worldFingerprint(two, ['t1', 't2', 't3'])).not.toBe(base);
    expect(worldFingerprint(two, ['t1', 't3'])).not.toBe(base);
  });

  it('does not let content slide between paths', () => {
    expect(worldFingerprint(files([['ab', 'c']]), [])).not.toBe(worldFingerprint(files([['a', 'bc']]), []));
  });
});
