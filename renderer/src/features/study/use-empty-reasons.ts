/** Live reasons an empty study session is empty (see `db/study-empty-repo.ts`), for its panel. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppSettings } from '../../core/settings';
import type { StudyScope } from '../../core/study';
import { type EmptyReasons, explainEmptyQueue } from '../../db/repos/study-empty-repo';
import { db } from '../../db/schema/database';
import { computeStudyDayStart, type StudyOps } from '../../ops/study';

export type { EmptyReasons } from '../../db/repos/study-empty-repo';

export function useEmptyReasons(
  study: StudyOps,
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
        limitsOf: (packId) => study.limitsToday(settings, packId, dayStart),
      },
    );
  }, [study, settings, enabled, scope.packId, scope.chapterId]);
}
