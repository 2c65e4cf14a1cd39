import { useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { copyText } from '../../platform/feedback';
import { canShareCard, inviteLink, inviteQrImage } from '../../platform/invite-share';
import { errorMessage } from '../../utils/error-message';

/**
 * Ways an invite reaches a nurse without typing 8 characters: a WeChat share card (the mini program),
 * a link (H5), and a code to scan. `onShare` tells the page which code its share card carries.
 */
export function InviteShare({ code, branchName, onShare }: { code: string; branchName: string; onShare: (code: string) => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [qrError, setQrError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = inviteLink(code);

  const showQr = async () => {
    if (busy) return;
    setBusy(true);
    setQrError(null);
    try {
      setQr(await inviteQrImage(code));
    } catch (e) {
      setQrError(errorMessage(e, '二维码生成失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="invite-share">
      <View className="actions invite-share__actions">
        {canShareCard ? (
          <Button className="share-invite" type="primary" size="small" openType="share" onClick={() => onShare(code)}>
            分享给党员
          </Button>
        ) : (
          link && (
            <Button className="copy-invite-link" type="primary" size="small" onClick={() => void copyText(link, '复制失败，请长按链接手动复制')}>
              复制邀请链接
            </Button>
          )
        )}
        {!qr && (
          <Button className="show-invite-qr" size="small" fill="outline" type="primary" loading={busy} onClick={() => void showQr()}>
            显示二维码
          </Button>
        )}
      </View>
      {qrError && <Text className="form-error">{qrError}</Text>}
      {qr && (
        <View className="invite-qr">
          <Image
            className="invite-qr__image"
            src={qr}
            mode="aspectFit"
            showMenuByLongpress
            ariaLabel={`${branchName}邀请码 ${code} 的二维码`}
            imgProps={{ alt: `${branchName}邀请码 ${code} 的二维码` }}
          />
          <Text className="invite-qr__hint">{canShareCard ? '用微信扫码，打开后填写姓名和工号即可加入' : '用手机扫码打开绑定页，邀请码已自动填好'}</Text>
        </View>
      )}
    </View>
  );
}
