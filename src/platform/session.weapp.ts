import type { DemoPersona } from './session';

export type { DemoPersona };
export const readSessionToken = (): string | null => null;
export const saveSessionToken = (_token: string): void => undefined;
export const clearSessionToken = (): void => undefined;
export const supportsDemoLogin = false;
export const listDemoPersonas = async (): Promise<DemoPersona[]> => [];
export const signInAsPersona = async (_memberId: string): Promise<void> => undefined;
export const signInAsNewUser = async (): Promise<void> => undefined;
/** WeChat identifies every caller itself. */
export const ensureSession = async (): Promise<void> => undefined;
