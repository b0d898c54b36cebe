/**
 * What the student does to the card on screen besides answering it: undo the last answer or
 * suspension, suspend, flag. Each is one write through `study-repo` (a question never studied gets
 * its card row here, from its place); the session's queue in memory follows.
 */
import { removeQueuedCard, returnToFront } from '../../core/queue';
import { setFlagged, setSuspended, undoLastAnswer } from '../../db/repos/study-repo';
import type { CardKey } from '../../db/schema/rows';
import { useAppStore } from '../../store';
import { isStudyBusy, placeOf, runtimeFor, type StudyDeps, showNext, showQueued } from './next-card';
import { forgetCard, forgetDoneToday, readAhead, rememberRow } from './session-runtime';

const store = () => useAppStore.getState();
const session = () => store().session;

/**
 * Undoes the last answer (the card goes back to how it was and its log row is removed) or the last
 * suspension, and shows that card again. Returns false when there was nothing to undo.
 */
export async function undoLast(deps: StudyDeps): Promise<boolean> {
  const id = session().id;
  if (isStudyBusy()) return false;
  const entry = store().popUndo(id);
  if (!entry) return false;
  store().patchSession(id, { busy: true, focusAnswer: false });
  try {
    const rt = runtimeFor(deps, id);
    if (entry.kind === 'answer') forgetDoneToday();
    const result =
      entry.kind === 'answer'
        ? await undoLastAnswer(deps.db, entry.key)
        : await setSuspended(deps.db, entry.key, false, placeOf(rt.cards.get(entry.key)), deps.now());
    if (!result.ok) {
      store().patchSession(id, { message: `Could not undo: ${result.error.message}` });
      return false;
    }
    const card = result.value;
    const now = deps.now();
    rt.queue = returnToFront(rt.queue, entry.key, card.state, card.due, now);
    rememberRow(rt, card);
    await readAhead(rt, [entry.key]);
    if (!(await showQueued(deps, rt, entry.key))) {
      if (session().id === id)
        store().patchSession(id, { message: 'Undone, but that question is no longer stored.' });
      return true;
    }
    store().patchSession(id, {
      message: entry.kind === 'answer' ? 'Answer undone: the card is back as it was.' : 'Unsuspended.',
    });
    return true;
  } finally {
    store().patchSession(id, { busy: false });
  }
}

/** Suspends the card on screen (it leaves the queue, keeps its progress) and shows the next one. */
export async function suspendCurrent(deps: StudyDeps): Promise<void> {
  const s = session();
  if (!s.current || isStudyBusy()) return;
  const { id } = s;
  const key: CardKey = s.current.key;
  const rt = runtimeFor(deps, id);
  const result = await setSuspended(deps.db, key, true, placeOf(rt.cards.get(key)), deps.now());
  if (!result.ok) {
    store().patchSession(id, { message: `Could not suspend: ${result.error.message}` });
    return;
  }
  rt.touched.add(key);
  rt.queue = removeQueuedCard(rt.queue, key);
  forgetCard(rt, key);
  store().pushUndo(id, { kind: 'suspend', key });
  store().patchSession(id, {
    message: 'Suspended: this question will not be shown again. Press U to undo.',
    focusAnswer: false,
  });
  await showNext(deps, id);
}

/** Flags or unflags the card on screen; the card's new revision becomes the one shown. */
export async function setCurrentFlag(deps: StudyDeps, flagged: boolean): Promise<void> {
  const s = session();
  if (!s.current) return;
  const { id, current } = s;
  const rt = runtimeFor(deps, id);
  const result = await setFlagged(
    deps.db,
    current.key,
    flagged,
    placeOf(rt.cards.get(current.key)),
    deps.now(),
  );
  if (!result.ok) {
    store().patchSession(id, { message: `Could not flag: ${result.error.message}` });
    return;
  }
  if (result.value.rev > 0) rememberRow(rt, result.value);
  const now = session();
  if (now.id === id && now.current?.key === current.key) {
    store().patchSession(id, {
      current: { ...now.current, rev: result.value.rev },
      message: flagged ? 'Flagged.' : 'Flag removed.',
    });
  }
}
