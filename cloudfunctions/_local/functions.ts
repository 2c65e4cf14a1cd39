import type { FunctionHandler } from '../_runtime/handler';
import { chatFunction } from '../chat/src/handler';
import { lessonsFunction } from '../lessons/src/handler';
import { meetingsFunction } from '../meetings/src/handler';
import { noticesFunction } from '../notices/src/handler';
import { orgFunction } from '../org/src/handler';

/** The same handlers CloudBase runs, by function name. The scheduler is not here: only the timer calls it. */
export const LOCAL_FUNCTIONS: Readonly<Record<string, FunctionHandler>> = Object.freeze(
  // No prototype: a name like `constructor` or `toString` is simply not a function here.
  Object.assign(Object.create(null) as Record<string, FunctionHandler>, {
    org: orgFunction,
    notices: noticesFunction,
    lessons: lessonsFunction,
    chat: chatFunction,
    meetings: meetingsFunction,
  }),
);
