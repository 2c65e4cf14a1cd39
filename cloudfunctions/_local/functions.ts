import type { FunctionHandler } from '../_runtime/handler';
import { chatFunction } from '../chat/src/handler';
import { lessonsFunction } from '../lessons/src/handler';
import { noticesFunction } from '../notices/src/handler';
import { orgFunction } from '../org/src/handler';

/** The same handlers CloudBase runs, by function name. The scheduler is not here: only the timer calls it. */
export const LOCAL_FUNCTIONS: Record<string, FunctionHandler> = {
  org: orgFunction,
  notices: noticesFunction,
  lessons: lessonsFunction,
  chat: chatFunction,
};
