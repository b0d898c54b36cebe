/**
 * The app's study sessions: at most one current {@link StudySession} (a new one closes the one
 * before), and today's raised new-question limits, which outlive a session but not the study day.
 * The screens call it by name; tests make their own over their own database and clock.
 */

import type { DailyLimits } from '../../core/queue';
import type { AppSettings } from '../../core/settings';
import { type NewRaises, NO_RAISES, raiseNewToday, type StudyScope } from '../../core/study';
import { getSettings } from '../../db/repos/settings-repo';
import { type EmptyReasons, explainEmptyQueue } from '../../db/repos/study-empty-repo';
import { loadUpcoming, type Upcoming } from '../../db/repos/study-session-repo';
import type { PackRow } from '../../db/schema/rows';
import type { SessionView } from '../../store/session-slice';
import { forgetDueLoads } from '../scheduling/due-load';
import { type CountedPack, countLibrary, type LibraryCounts } from './library-counts';
import { computeStudyDayStart, limitsToday } from './load-queue';
import { type StudyDeps, StudySession } from './study-session';

const DAY_MS = 86_400_000;

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
    // Due counts for the load balancer are read afresh once per session (then kept up by each answer).
    forgetDueLoads();
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

  // What the study screens read besides the session (each a one-shot read, for `useLiveQuery`).

  /** The app's settings (defaults where stored ones are invalid). */
  async readSettings(): Promise<AppSettings> {
    return (await getSettings(this.deps.db)).settings;
  }

  /** A pack's stored row (its title and chapters), if stored. */
  readPack(packId: string): Promise<PackRow | undefined> {
    return this.deps.db.packs.get(packId);
  }

  /** What is due now in `scope`, when the next card falls due, and what falls due by the end of tomorrow. */
  readUpcoming(scope: StudyScope, settings: AppSettings, now: number): Promise<Upcoming> {
    const tomorrowEnd = computeStudyDayStart(now, settings) + 2 * DAY_MS;
    return loadUpcoming(
      this.deps.db,
      scope.packId ? [scope.packId] : 'all',
      now,
      tomorrowEnd,
      scope.chapterId,
    );
  }

  /** Why nothing is queued in `scope` at `now`: today's limits (raises included), unread chapters. */
  explainEmpty(scope: StudyScope, settings: AppSettings, now: number): Promise<EmptyReasons> {
    const dayStart = computeStudyDayStart(now, settings);
    return explainEmptyQueue(
      this.deps.db,
      {
        packIds: scope.packId ? [scope.packId] : 'all',
        ...(scope.chapterId ? { chapterId: scope.chapterId } : {}),
      },
      now,
      dayStart,
      {
        requireReading: settings.requireReading,
        limitsOf: (packId) => this.limitsToday(settings, packId, dayStart),
      },
    );
  }

  /** Due and new counts per pack and chapter of `packs` at `now`, for the Library. */
  countLibrary(packs: readonly CountedPack[], now: number): Promise<LibraryCounts> {
    return countLibrary(packs, now, this.deps.db);
  }
}
