/**
 * The one message protocol between the extension host and the monitor webview. Both sides import
 * only this file from each other. Each message is a zod schema (the runtime validator) and its
 * inferred type (the compile-time contract), so the two cannot drift. Commands (webview → host)
 * are imperative; notifications (host → webview) are named `did…`. The webview keeps no state the
 * host cannot resend: a snapshot rebuilds it, events update it.
 */
import * as z from 'zod';

export const PROTOCOL_VERSION = 1;

// ---- view model (what the panel draws) -------------------------------------------------------

export const CONTROLLER_STATE_NAMES = ['INIT', 'FAST_CONVERGE', 'CONVERGING', 'STALLING', 'OSCILLATING', 'DIVERGING', 'TARGET_MET', 'MAX_ITERATIONS'] as const;
const ControllerStateName = z.enum(CONTROLLER_STATE_NAMES);

export const IterationView = z.object({
  iteration: z.number().int().nonnegative(),
  /** Failing tests; null when the run gave no verdict (did not compile, timed out). */
  error: z.number().nonnegative().nullable(),
  /** Smoothed loop gain Aβ after this reading (absent on the first). */
  gain: z.number().optional(),
  state: ControllerStateName,
  scope: z.enum(['full', 'focused']),
  fixed: z.array(z.string()),
  newlyBroken: z.array(z.string()),
  /** Files the edits after this iteration's tests changed. */
  files: z.array(z.string()),
  edits: z.array(z.string()),
  tokens: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
  suspect: z.string().optional(),
});
export type IterationView = z.infer<typeof IterationView>;

export const FileDiff = z.object({ path: z.string(), diff: z.string() });
export type FileDiff = z.infer<typeof FileDiff>;

export const ApprovalView = z.object({
  requestId: z.string(),
  iteration: z.number().int().nonnegative(),
  reasons: z.array(z.string()),
  files: z.array(FileDiff),
  expiresAt: z.string(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

export const Marker = z.object({
  iteration: z.number().int().nonnegative(),
  kind: z.enum(['best', 'rollback', 'approval', 'regression', 'stop']),
  label: z.string(),
});
export type Marker = z.infer<typeof Marker>;

export const StopView = z.object({
  status: z.string(),
  reason: z.string(),
  recommendedAction: z.string(),
  resumable: z.boolean(),
});
export type StopView = z.infer<typeof StopView>;

export const SpendView = z.object({
  tokens: z.number().nonnegative(),
  tokenLimit: z.number().positive(),
  usd: z.number().nonnegative().optional(),
  /** The pricing table's date: a USD figure is an estimate at those prices. */
  usdAsOf: z.string().optional(),
  costLimitUsd: z.number().positive().optional(),
  wallMs: z.number().nonnegative(),
  wallClockMs: z.number().positive(),
});
export type SpendView = z.infer<typeof SpendView>;

export const RunView = z.object({
  runId: z.string(),
  /** 'running' while the loop runs, else the stop status. */
  status: z.string(),
  controllerReason: z.string(),
  maxIterations: z.number().int().positive(),
  fixer: z.string(),
  spend: SpendView,
  iterations: z.array(IterationView),
  bestIteration: z.number().int().nonnegative().optional(),
  markers: z.array(Marker),
  stop: StopView.optional(),
  pendingApproval: ApprovalView.optional(),
  /** The best iteration against the workspace now: what "Restore best" would change. */
  bestDiff: z.array(FileDiff),
});
export type RunView = z.infer<typeof RunView>;

// ---- host → webview --------------------------------------------------------------------------

/** Incremental changes while the loop runs; each is applied by the webview's reducer. */
export const MonitorEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('iteration'), iteration: IterationView }),
  z.object({ kind: z.literal('status'), status: z.string(), controllerReason: z.string() }),
  z.object({ kind: z.literal('spend'), spend: SpendView }),
  z.object({ kind: z.literal('marker'), marker: Marker }),
  z.object({ kind: z.literal('approvalRequested'), approval: ApprovalView }),
  z.object({ kind: z.literal('approvalResolved'), requestId: z.string(), decision: z.string() }),
  z.object({ kind: z.literal('stopped'), stop: StopView, bestIteration: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('bestDiff'), bestIteration: z.number().int().nonnegative(), files: z.array(FileDiff) }),
]);
export type MonitorEvent = z.infer<typeof MonitorEvent>;

export const HostToWebview = z.discriminatedUnion('type', [
  /** The whole state: on open, on restore, on show after being hidden. */
  z.object({ type: z.literal('didSnapshot'), protocolVersion: z.number(), run: RunView.nullable() }),
  z.object({ type: z.literal('didEvent'), runId: z.string(), event: MonitorEvent }),
  /** The answer to `selectIteration`: that iteration's own changes. */
  z.object({ type: z.literal('didIterationDiff'), runId: z.string(), iteration: z.number().int().nonnegative(), files: z.array(FileDiff) }),
  /** A command could not be carried out; shown to the user, never thrown. */
  z.object({ type: z.literal('didFail'), command: z.string(), message: z.string() }),
]);
export type HostToWebview = z.infer<typeof HostToWebview>;

// ---- webview → host --------------------------------------------------------------------------

export const WebviewToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), protocolVersion: z.number() }),
  z.object({ type: z.literal('restore'), runId: z.string(), iteration: z.union([z.number().int().nonnegative(), z.literal('best')]) }),
  z.object({ type: z.literal('decideApproval'), runId: z.string(), requestId: z.string(), approve: z.boolean() }),
  z.object({ type: z.literal('selectIteration'), runId: z.string(), iteration: z.number().int().nonnegative() }),
  z.object({ type: z.literal('stop'), runId: z.string() }),
  z.object({ type: z.literal('resume'), runId: z.string() }),
  z.object({ type: z.literal('openTrace'), runId: z.string() }),
  z.object({ type: z.literal('explain'), runId: z.string() }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;
export type WebviewCommand = WebviewToHost['type'];

/** Validates a message from the webview; the host drops (and logs) anything that fails. */
export function parseWebviewMessage(value: unknown): { ok: true; message: WebviewToHost } | { ok: false; error: string } {
  const r = WebviewToHost.safeParse(value);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ') };
}

/** Validates a message from the host; the webview ignores (and reports) anything that fails. */
export function parseHostMessage(value: unknown): { ok: true; message: HostToWebview } | { ok: false; error: string } {
  const r = HostToWebview.safeParse(value);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ') };
}
