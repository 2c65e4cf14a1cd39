import type { ChatAction, ChatInput, ChatOutput } from '../domain/api/chat';
import type { LessonsAction, LessonsInput, LessonsOutput } from '../domain/api/lessons';
import type { NoticesAction, NoticesInput, NoticesOutput } from '../domain/api/notices';
import type { MeetingsAction, MeetingsInput, MeetingsOutput } from '../domain/api/meetings';
import type { OrgAction, OrgInput, OrgOutput } from '../domain/api/org';
import type { ErrorCode } from '../domain/shared/errors';
import { invokeFunction } from './transport';

/** A failed call, carrying the function's code and its Chinese message for the UI. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(fn: string, action: string, data: unknown): Promise<T> {
  const env = await invokeFunction<T>(fn, action, data);
  if (env.ok) return env.data;
  throw new ApiError(env.code, env.message, env.details);
}

/** Typed calls per function; pages never know the transport. */
export const orgApi = <A extends OrgAction>(action: A, input: OrgInput<A>): Promise<OrgOutput[A]> =>
  call<OrgOutput[A]>('org', action, input);

export const noticesApi = <A extends NoticesAction>(action: A, input: NoticesInput<A>): Promise<NoticesOutput[A]> =>
  call<NoticesOutput[A]>('notices', action, input);

export const lessonsApi = <A extends LessonsAction>(action: A, input: LessonsInput<A>): Promise<LessonsOutput[A]> =>
  call<LessonsOutput[A]>('lessons', action, input);

export const chatApi = <A extends ChatAction>(action: A, input: ChatInput<A>): Promise<ChatOutput[A]> => call<ChatOutput[A]>('chat', action, input);

export const meetingsApi = <A extends MeetingsAction>(action: A, input: MeetingsInput<A>): Promise<MeetingsOutput[A]> =>
  call<MeetingsOutput[A]>('meetings', action, input);
