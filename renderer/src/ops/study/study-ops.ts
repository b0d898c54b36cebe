/**
 * The app's study sessions: at most one current {@link StudySession} (a new one closes the one
 * before), and today's raised new-question limits, which outlive a session but not the study day.
 * The screens call it by name; tests make their own over their own database and clock.
 */
import type { DailyLimits } from '../../core/queue';
import type { AppSettings } from '../../core/settings';
import { type NewRaises, NO_RAISES, raiseNewToday, type StudyScope } from '../../core/study';
import type { SessionView } from '../../store/session-slice';
import { computeStudyDayStart, limitsToday } from './load-queue';
import { type StudyDeps, StudySession } from './study-session';

/** Where sessions show themselves: the store's session slice (`useAppStore` has this shape). */
export interface SessionStore {
  getState(): { session: SessionView; showSession: (view: SessionView) => void };
}

export class StudyOps {
  private session: StudySession | null = null;
  private raises: NewRaises = NO_RAISES;

  constructor(
    readonly deps: StudyDeps,
    private readonly store: SessionStore,
  ) {}

  /** The current session, if any. */
  get current(): StudySession | null {
    return this.session;
  }

  /** The current session if it is the one with `id` (the one the store shows). */
  sessionOf(id: number): StudySession | null {
    return this.session?.id === id ? this.session : null;
  }

  /** Starts a new session over `scope` (loading; the one before is closed) without showing a card yet. */
  begin(scope: StudyScope): StudySession {
    this.session?.close();
    const id = this.store.getState().session.id + 1;
    const host = {
      show: (view: SessionView) => this.store.getState().showSession(view),
      raises: () => this.raises,
    };
    this.session = new StudySession(this.deps, host, id, scope);
    return this.session;
  }

  /** Starts a new session over `scope` and shows its first card. */
  async start(scope: StudyScope): Promise<StudySession> {
    const session = this.begin(scope);
    await session.showNext();
    return session;
  }

  /** Raises today's new limit of each pack in `packIds` by `by` (on top of any earlier raise today). */
  raiseNewToday(settings: AppSettings, packIds: readonly string[], by: number): void {
    const dayStart = computeStudyDayStart(this.deps.now(), settings);
    this.raises = raiseNewToday(this.raises, dayStart, packIds, by);
  }

  /** A pack's limits for the study day starting at `dayStart`: the settings' plus today's raise. */
  limitsToday(settings: AppSettings, packId: string, dayStart: number): DailyLimits {
    return limitsToday(settings, packId, dayStart, this.raises);
  }
}
