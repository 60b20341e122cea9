import type { HostToWebview, RunView, WebviewCommand } from '../../src/protocol';
import { reducer } from './reducer';

/** A problem the panel shows in its banner until dismissed. */
export interface Notice {
  readonly id: number;
  readonly text: string;
}

/** Everything the panel shows that comes from the host, plus the notices about it. */
export interface PanelModel {
  /** False until the first snapshot: the host has not answered `ready` yet. */
  readonly connected: boolean;
  readonly view: RunView | null;
  /** The answer to the last `selectIteration`. */
  readonly iterationDiff?: Extract<HostToWebview, { type: 'didIterationDiff' }>;
  /** The host failed a command: the buttons that sent one may be used again. */
  readonly failedCommand?: { readonly command: string; readonly at: number };
  readonly notices: readonly Notice[];
}

export type PanelAction = { readonly type: 'host'; readonly message: HostToWebview } | { readonly type: 'invalid'; readonly error: string } | { readonly type: 'dismiss'; readonly id: number };

export const INITIAL_MODEL: PanelModel = { connected: false, view: null, notices: [] };

const COMMAND_WORDS: Readonly<Record<WebviewCommand, string>> = {
  ready: 'connect to the panel',
  restore: 'restore',
  decideApproval: 'send the approval decision',
  selectIteration: 'load the iteration',
  stop: 'stop the run',
  resume: 'resume the run',
  openTrace: 'open the trace',
  explain: 'explain the run',
};

/** At most this many notices stay: a stream of bad messages must not grow the page without end. */
const MAX_NOTICES = 5;

let nextNoticeId = 1;

function withNotice(model: PanelModel, text: string): PanelModel {
  return { ...model, notices: [...model.notices, { id: nextNoticeId++, text }].slice(-MAX_NOTICES) };
}

export function panelReducer(model: PanelModel, action: PanelAction): PanelModel {
  switch (action.type) {
    case 'invalid':
      return withNotice(model, `Ignored an invalid message from the extension (${action.error}). The panel may be out of date: close and reopen it if it looks wrong.`);
    case 'dismiss':
      return { ...model, notices: model.notices.filter((n) => n.id !== action.id) };
    case 'host': {
      const m = action.message;
      if (m.type === 'didFail') {
        const words = COMMAND_WORDS[m.command as WebviewCommand] ?? m.command;
        return { ...withNotice(model, `Could not ${words}: ${m.message}`), failedCommand: { command: m.command, at: Date.now() } };
      }
      if (m.type === 'didIterationDiff') return m.runId === model.view?.runId ? { ...model, iterationDiff: m } : model;
      const view = reducer(model.view, m);
      if (m.type === 'didSnapshot') {
        const sameRun = view !== null && view.runId === model.view?.runId;
        return { ...model, connected: true, view, iterationDiff: sameRun ? model.iterationDiff : undefined };
      }
      return view === model.view ? model : { ...model, view };
    }
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}
