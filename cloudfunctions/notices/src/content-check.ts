import { AppError } from '../../../src/domain/shared/errors';
import type { FunctionContext } from '../../_runtime/context';

/** WeChat's text check before anything a user wrote is stored (scene 3: forum-like posts). */
export async function assertTextAllowed(ctx: FunctionContext, text: string): Promise<void> {
  const result = await ctx.wechat.checkText({ openid: ctx.openid, text, scene: 3 });
  if (!result.pass) throw new AppError('CONTENT_FLAGGED', undefined, { label: result.label });
}
