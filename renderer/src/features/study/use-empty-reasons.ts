/** Live reasons an empty study session is empty (see `db/repos/study-empty-repo.ts`), for its panel. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppSettings } from '../../core/settings';
import { type EmptyReasons, explainEmptyQueue } from '../../db/repos/study-empty-repo';
import { db } from '../../db/schema/database';
import type { StudyScope } from '../../store/session-slice';
import { computeStudyDayStart, limitsToday } from './load-queue';

export type { EmptyReasons } from '../../db/repos/study-empty-repo';

export function useEmptyReasons(
  scope: StudyScope,
  settings: AppSettings | undefined,
  enabled: boolean,
): EmptyReasons | undefined {
  return useLiveQuery(async () => {
    if (!settings || !enabled) return undefined;
    const now = Date.now();
    const dayStart = computeStudyDayStart(now, settings);
    return explainEmptyQueue(
      db,
      {
        packIds: scope.packId ? [scope.packId] : 'all',
        ...(scope.chapterId ? { chapterId: scope.chapterId } : {}),
      },
      now,
      dayStart,
      {
        requireReading: settings.requireReading,
        limitsOf: (packId) => limitsToday(settings, packId, dayStart),
      },
    );
  }, [settings, enabled, scope.packId, scope.chapterId]);
}
