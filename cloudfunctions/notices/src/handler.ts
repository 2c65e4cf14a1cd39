import { noticesInput } from '../../../src/domain/api/notices';
import { defineFunction } from '../../_runtime/handler';
import { exportReceipts } from './export';
import { publish, update, withdraw } from './publish';
import { ack, inbox, open, subscribe } from './read';
import { reachReport, remind } from './remind';
import { excuse, rollup, sent, track } from './track';

/** The `notices` function: publish, read receipts, tracking, reminders. */
export const noticesFunction = defineFunction('notices', noticesInput, {
  inbox,
  open,
  ack,
  publish,
  update,
  withdraw,
  sent,
  track,
  rollup,
  remind,
  reachReport,
  excuse,
  export: exportReceipts,
  subscribe,
});
