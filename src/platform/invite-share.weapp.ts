import { orgApi } from './api';

/**
 * WeChat: an invite travels as a share card (the invites page's onShareAppMessage opens the bind page
 * with the code) and as the mini program code from wxacode.getUnlimited, made by the org function.
 */
export const canShareCard = true;

export const inviteLink = (_code: string): string | null => null;

export async function inviteQrImage(code: string): Promise<string> {
  const image = await orgApi('invites.qr', { code });
  return `data:${image.contentType};base64,${image.base64}`;
}
