/** The app's study sessions, over the app's database, the wall clock and the app's store. */
import { db } from '../../db/schema/database';
import { useAppStore } from '../../store';
import { StudyOps } from './study-ops';

export const appStudy = new StudyOps({ db, now: () => Date.now() }, useAppStore);
