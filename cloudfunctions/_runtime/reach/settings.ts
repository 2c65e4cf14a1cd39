import { DEFAULT_REACH_SETTINGS, type ReachSettings } from '../../../src/domain/reach/types';
import type { FunctionContext } from '../context';

/** The settings as a storage document (a mapped type, so it meets the storage's index signature). */
export type ReachSettingsDoc = { [K in keyof ReachSettings]: ReachSettings[K] };

export const reachSettingsDocs = (ctx: Pick<FunctionContext, 'storage'>) => ctx.storage.collection<ReachSettingsDoc>('reachSettings');

/** The hospital's reach settings (`reachSettings/hospital`), or the defaults before the admin saves any. */
export async function readReachSettings(ctx: Pick<FunctionContext, 'storage'>): Promise<ReachSettings> {
  const doc = await reachSettingsDocs(ctx).get('hospital');
  return doc ?? { ...DEFAULT_REACH_SETTINGS, updatedAt: 0, updatedBy: null };
}
