import QRCode from 'qrcode';
import { invitePath } from '../domain/org/invite-link';

/**
 * H5: an invite travels as a link to this host's bind page with the code filled in, and as a QR code
 * of that link (drawn here with `qrcode`). The mini program variant shares a card and asks the org
 * function for a mini program code (invite-share.weapp.ts).
 */
export const canShareCard = false;

export const inviteLink = (code: string): string | null => `${window.location.origin}${window.location.pathname}#${invitePath(code)}`;

/** An image (data URL) members can scan to open the bind page with the code. */
export async function inviteQrImage(code: string): Promise<string> {
  return QRCode.toDataURL(inviteLink(code) ?? '', { margin: 2, width: 480, errorCorrectionLevel: 'M' });
}
