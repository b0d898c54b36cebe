/** Live reasons an empty study session is empty (see `StudyOps.explainEmpty`), for its panel. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppSettings } from '../../core/settings';
import type { StudyScope } from '../../core/study';
import type { EmptyReasons, StudyOps } from '../../ops/study';

export type { EmptyReasons } from '../../ops/study';

export function useEmptyReasons(
  study: StudyOps,
  scope: StudyScope,
  settings: AppSettings | undefined,
  enabled: boolean,
): EmptyReasons | undefined {
  return useLiveQuery(async () => {
    if (!settings || !enabled) return undefined;
    return study.explainEmpty(scope, settings, Date.now());
  }, [study, settings, enabled, scope.packId, scope.chapterId]);
}
