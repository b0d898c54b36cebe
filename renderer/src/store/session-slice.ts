/**
 * What the study screen shows of the running session: the card on screen (key, revision, seed), its
 * phase, the graded answer waiting to be confirmed, the counts, whether U can undo. The session
 * itself (state machine in `core/study`, IO in `ops/study`) publishes it here after every move;
 * card and question rows stay in Dexie and in the session's memory.
 */
import type { StateCreator } from 'zustand';
import type { ShownCard as Shown, StudyPhase, StudyScope, StudyState, StudyStatus } from '../core/study';
import type { CardKey } from '../db/schema/rows';

export type { PendingAnswer, QueueLeft, StudyPhase, StudyStatus } from '../core/study';
export type { StudyScope };
/** The card on screen. */
export type ShownCard = Shown<CardKey>;

/** The running session as the screen shows it. */
export interface SessionView
  extends Omit<StudyState<CardKey>, 'undo' | 'lastKey' | 'startedAt' | 'status' | 'phase'> {
  /** Bumped by every new session, so a late async result of an old one is ignored. */
  id: number;
  scope: StudyScope;
  status: StudyStatus;
  phase: StudyPhase;
  /** Whether U has something to undo. */
  canUndo: boolean;
  /** A write is slow (buttons disabled while it runs). */
  busy: boolean;
}

export interface SessionSlice {
  session: SessionView;
  /** Shows a session's state: called by the session after every move (only while it is the current one). */
  showSession: (view: SessionView) => void;
}

/** The view of no session. */
export function createIdleSession(id = 0): SessionView {
  return {
    id,
    scope: {},
    status: 'idle',
    current: null,
    phase: 'question',
    hintShown: false,
    pending: null,
    left: { reviews: 0, learning: 0, newCards: 0 },
    answered: 0,
    correct: 0,
    timeMs: 0,
    waitUntil: null,
    canUndo: false,
    message: null,
    busy: false,
    focusAnswer: true,
  };
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  session: createIdleSession(),
  showSession: (view) => set({ session: view }),
});
