import { chatInput } from '../../../src/domain/api/chat';
import { defineFunction } from '../../_runtime/handler';
import { auditList, pin, recall, remove, unpin } from './moderate';
import { mentionables, toNotice } from './people';
import { badge, list, open, read, sync } from './read';
import { send } from './send';

/** The `chat` function: one group per branch (see src/domain/api/chat.ts for every action). */
export const chatFunction = defineFunction('chat', chatInput, {
  badge,
  open,
  list,
  sync,
  read,
  send,
  recall,
  remove,
  pin,
  unpin,
  mentionables,
  toNotice,
  audit: auditList,
});
