import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../support/cliBuild';
import { startFakeLlmServer, type FakeLlmServer } from '../support/fakeLlmServer';
import {
  cleanUp,
  copyProject,
  E2E_FIXTURES,
  expectNoKeyLeak,
  fix,
  openaiArgs,
  read,
  readState,
  readTrace,
  replaceStep,
  resume,
  runCli,
  snapshot,
  write,
  writeState,
  type CliRun,
  type RunJson,
} from './harness';

// Headless approvals through the real CLI: the fake model's fix touches package.json (a gated
// config file), so `--approve headless` stops with a token, and nothing is applied until a resume
// decides with it. Tokens are passed as `--approve-token=T`: see the leading-dash test at the end.

const GREETING = join(E2E_FIXTURES, 'greeting-node');
const ORIGINAL = snapshot(GREETING);
const PKG = 'package.json';
const FIX = { search: '"greeting": "Helo"', replace: '"greeting": "Hello"' };
const fixStep = () => replaceStep(PKG, FIX.search, FIX.replace, 'the greeting setting is misspelt');
const withFix = (text: string): string => text.replace(FIX.search, FIX.replace);
const RUN_TIMEOUT = 30_000;

beforeAll(() => buildCli());
afterAll(cleanUp);

/** A fresh copy, a fake server answering with the package.json fix, and the run stopped awaiting approval. */
function awaitingApproval() {
  const s = { server: undefined as unknown as FakeLlmServer, root: '', runs: [] as CliRun[], first: undefined as unknown as RunJson };
  beforeAll(async () => {
    s.server = await startFakeLlmServer([fixStep()]);
    s.root = copyProject(GREETING);
    const { run, result } = await fix(s.root, [...openaiArgs(s.server), '--approve', 'headless']);
    s.runs.push(run);
    s.first = result;
  }, RUN_TIMEOUT);
  afterAll(() => s.server.close());
  return s;
}

async function resumeWith(s: { root: string; runs: CliRun[] }, id: string, args: readonly string[]): Promise<RunJson> {
  const { run, result } = await resume(s.root, id, args);
  s.runs.push(run);
  return result;
}

describe.concurrent('headless approval, approved with the token', () => {
  const s = awaitingApproval();
  let waiting: Record<string, string>;
  let approved: RunJson;
  beforeAll(async () => {
    waiting = snapshot(s.root);
    approved = await resumeWith(s, s.first.runId, [`--approve-token=${s.first.approval?.token ?? ''}`]);
  }, RUN_TIMEOUT);

  it('stops with AWAITING_APPROVAL, a token and an expiry, exit 1, resumable', () => {
    expect(s.runs[0]?.code).toBe(1);
    expect(s.first.status).toBe('AWAITING_APPROVAL');
    expect(s.first.resumable).toBe(true);
    expect(s.first.approval?.token).toMatch(/^[\w-]{16,}$/);
    expect(s.first.approval?.requestId).toMatch(/^apr-/);
    expect(Date.parse(s.first.approval?.expiresAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('applied nothing while waiting: every file is byte for byte the original', () => {
    expect(waiting).toEqual(ORIGINAL);
    expect(s.first.changedFiles).toEqual([]);
  });

  it('says why, and keeps the token out of the trace (only state.json holds it)', () => {
    const requested = readTrace(s.root, s.first.runId).find((e) => e.kind === 'approval.requested');
    expect(requested).toMatchObject({ iteration: 0, request: { reasons: [expect.objectContaining({ rule: 'config-file', path: PKG })] } });
    expect(JSON.stringify(readTrace(s.root, s.first.runId))).not.toContain(s.first.approval?.token);
  });

  it('applies exactly the approved edit on resume and continues to SUCCESS, exit 0', () => {
    expect(s.runs[1]?.code).toBe(0);
    expect(approved.status).toBe('SUCCESS');
    expect(approved.errorHistory).toEqual([1, 0]);
    expect(snapshot(s.root)).toEqual({ ...ORIGINAL, [PKG]: withFix(ORIGINAL[PKG] as string) });
    expect(readState(s.root, s.first.runId).pending).toBeUndefined();
    const decided = readTrace(s.root, s.first.runId).filter((e) => e.kind === 'approval.decided');
    expect(decided.map((e) => (e.kind === 'approval.decided' ? [e.decision, e.by] : []))).toEqual([
      ['pending', undefined],
      ['approved', 'token'],
    ]);
    // The approved edit was the model's only answer: no second call.
    expect(s.server.requests).toHaveLength(1);
    expectNoKeyLeak(s.root, s.runs);
  });
});

describe.concurrent('headless approval, denied with the token', () => {
  const s = awaitingApproval();
  let denied: RunJson;
  beforeAll(async () => {
    denied = await resumeWith(s, s.first.runId, [`--deny-token=${s.first.approval?.token ?? ''}`]);
  }, RUN_TIMEOUT);

  it('stops with APPROVAL_DENIED, exit 1', () => {
    expect(s.first.status).toBe('AWAITING_APPROVAL');
    expect(s.runs[1]?.code).toBe(1);
    expect(denied.status).toBe('APPROVAL_DENIED');
    expect(denied.resumable).toBe(true);
  });

  it('leaves every file untouched', () => {
    expect(snapshot(s.root)).toEqual(ORIGINAL);
    expect(denied.changedFiles).toEqual([]);
    expect(readState(s.root, s.first.runId).checkpoints.flatMap((c) => c.files)).toEqual([]);
    expectNoKeyLeak(s.root, s.runs);
  });
});

describe.concurrent('headless approval, expired', () => {
  const s = awaitingApproval();
  let expired: RunJson;
  let again: RunJson;
  beforeAll(async () => {
    // No CLI flag or environment variable sets the TTL: time passes by moving the expiry into the past.
    const state = readState(s.root, s.first.runId);
    const request = state.pending?.request;
    if (!request) throw new Error('no pending request in state.json');
    writeState(s.root, s.first.runId, { ...state, pending: { ...state.pending!, request: { ...request, expiresAt: new Date(Date.now() - 60_000).toISOString() } } });
    expired = await resumeWith(s, s.first.runId, [`--approve-token=${s.first.approval?.token ?? ''}`]);
    s.server.enqueue(fixStep());
    again = await resumeWith(s, s.first.runId, []);
  }, RUN_TIMEOUT);

  it('refuses the late token with PENDING_EXPIRED, exit 1, and applies nothing', () => {
    expect(s.runs[1]?.code).toBe(1);
    expect(expired.status).toBe('PENDING_EXPIRED');
    expect(expired.resumable).toBe(true);
    expect(readTrace(s.root, s.first.runId).some((e) => e.kind === 'approval.decided' && e.decision === 'expired')).toBe(true);
  });

  it('a plain resume has the approval requested again, with a new token, still applying nothing', () => {
    expect(again.status).toBe('AWAITING_APPROVAL');
    expect(again.approval?.token).toBeDefined();
    expect(again.approval?.token).not.toBe(s.first.approval?.token);
    expect(snapshot(s.root)).toEqual(ORIGINAL);
    expectNoKeyLeak(s.root, s.runs);
  });
});

describe.concurrent.each([
  {
    what: 'a file the pending edit touches changed',
    change: (root: string) => write(root, PKG, read(root, PKG).replace('"private": true,', '"private": true,\n  "version": "1.0.0",')),
  },
  {
    what: 'another test started failing',
    change: (root: string) => write(root, 'src/greet.js', read(root, 'src/greet.js').replace('`Goodbye, ${name}.`', '`Bye, ${name}.`')),
  },
])('headless approval, invalidated because $what', ({ change }) => {
  const s = awaitingApproval();
  let userVersion: Record<string, string>;
  let invalidated: RunJson;
  let afterInvalidation: Record<string, string>;
  let staleToken: CliRun;
  let afterStaleToken: Record<string, string>;
  let approved: RunJson;
  beforeAll(async () => {
    change(s.root);
    userVersion = snapshot(s.root);
    invalidated = await resumeWith(s, s.first.runId, [`--approve-token=${s.first.approval?.token ?? ''}`]);
    afterInvalidation = snapshot(s.root);
    staleToken = await runCli(['resume', s.first.runId, '--cwd', s.root, '--json', `--approve-token=${s.first.approval?.token ?? ''}`]);
    s.runs.push(staleToken);
    afterStaleToken = snapshot(s.root);
    approved = await resumeWith(s, s.first.runId, [`--approve-token=${invalidated.approval?.token ?? ''}`]);
  }, RUN_TIMEOUT);

  it('does not apply the approved edit: it re-requests approval with a new token', () => {
    expect(invalidated.status).toBe('AWAITING_APPROVAL');
    expect(invalidated.approval?.token).toBeDefined();
    expect(invalidated.approval?.token).not.toBe(s.first.approval?.token);
    expect(readTrace(s.root, s.first.runId).some((e) => e.kind === 'approval.decided' && e.decision === 'invalidated')).toBe(true);
  });

  it('left the workspace exactly as the user made it', () => {
    expect(userVersion).not.toEqual(ORIGINAL);
    expect(afterInvalidation).toEqual(userVersion);
  });

  it('refuses the old token afterwards (exit 1, nothing applied)', () => {
    expect(staleToken.code).toBe(1);
    expect(staleToken.stderr).toContain('token does not match');
    expect(afterStaleToken).toEqual(userVersion);
  });

  it('applies the edit with the new token, on top of the user\u2019s version', () => {
    expect(approved.approval).toBeUndefined();
    expect(read(s.root, PKG)).toBe(withFix(userVersion[PKG] as string));
    expect(read(s.root, 'src/greet.js')).toBe(userVersion['src/greet.js']);
    expectNoKeyLeak(s.root, s.runs);
  });
});

describe.concurrent('a token that starts with a dash', () => {
  const s = awaitingApproval();
  let approved: CliRun;
  beforeAll(async () => {
    // Tokens are 16 random bytes in base64url, so 1 in 64 starts with "-". Draw one such token by
    // writing it into the pending request, as the generator could have.
    const state = readState(s.root, s.first.runId);
    const request = state.pending?.request;
    if (!request) throw new Error('no pending request in state.json');
    writeState(s.root, s.first.runId, { ...state, pending: { ...state.pending!, request: { ...request, token: DASH_TOKEN } } });
    // Exactly the command the human report prints: `loopgain resume ID --approve-token TOKEN`.
    approved = await runCli(['resume', s.first.runId, '--cwd', s.root, '--json', '--approve-token', DASH_TOKEN]);
    s.runs.push(approved);
  }, RUN_TIMEOUT);
  const DASH_TOKEN = '-Xq3vN0bZ2k9LmP4rT7wYa';

  // Regression (bug found by this suite, since fixed): base64url tokens started with "-" one time
  // in 64, and `--approve-token -X…` then failed to parse. Tokens are hex now, and the printed hint
  // uses the `--approve-token=<token>` form, which takes any token.
  it('draws tokens that cannot be mistaken for an option, and prints the = form', () => {
    expect(s.first.approval?.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('works when given as --approve-token=TOKEN', async () => {
    const { run, result } = await resume(s.root, s.first.runId, [`--approve-token=${DASH_TOKEN}`]);
    s.runs.push(run);
    expect(result.status).toBe('SUCCESS');
    expect(read(s.root, PKG)).toBe(withFix(ORIGINAL[PKG] as string));
    expectNoKeyLeak(s.root, s.runs);
  }, RUN_TIMEOUT);
});
