import { meetingsInput } from '../../../src/domain/api/meetings';
import { defineFunction } from '../../_runtime/handler';
import { decideLeave, get, list, mine, receipts, reply } from './answers';
import { cadence, matrix, overview, remindBranch, setCadence } from './cadence';
import { checkin, checkinCode, manualCheckin } from './checkin';
import { exportLedger, ledger } from './ledger';
import { makeupDone, publishMinutes, saveMinutes } from './minutes';
import { attendeeOptions, cancel, schedule, update } from './schedule';

/** The `meetings` function: 三会一课 and 主题党日 (see src/domain/api/meetings.ts for every action). */
export const meetingsFunction = defineFunction('meetings', meetingsInput, {
  cadence,
  setCadence,
  overview,
  attendeeOptions,
  schedule,
  update,
  cancel,
  mine,
  list,
  get,
  reply,
  decideLeave,
  receipts,
  checkinCode,
  checkin,
  manualCheckin,
  saveMinutes,
  publishMinutes,
  makeupDone,
  ledger,
  exportLedger,
  matrix,
  remindBranch,
});
