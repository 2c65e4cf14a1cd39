import { lessonsInput } from '../../../src/domain/api/lessons';
import { defineFunction } from '../../_runtime/handler';
import { catchup, history } from './catchup';
import { exportStats } from './export';
import { archive, create, getForEdit, list, update } from './library';
import { bulk, clear, month, set } from './plan';
import { remind } from './remind';
import { branchDay, branchTrend, committee, lesson } from './stats';
import { answer, get, progress } from './study';
import { today } from './today';

/** The `lessons` function: today's lesson, study and progress, the check, catch-up, library, plan, stats, reminders. */
export const lessonsFunction = defineFunction('lessons', lessonsInput, {
  today,
  get,
  progress,
  answer,
  catchup,
  history,
  'library.list': list,
  'library.get': getForEdit,
  'library.create': create,
  'library.update': update,
  'library.archive': archive,
  'plan.month': month,
  'plan.set': set,
  'plan.clear': clear,
  'plan.bulk': bulk,
  'stats.branchDay': branchDay,
  'stats.branchTrend': branchTrend,
  'stats.lesson': lesson,
  'stats.committee': committee,
  'stats.export': exportStats,
  remind,
});
