import Taro from '@tarojs/taro';

/** WeChat: download the PDF to a temporary file and open it in WeChat's document viewer. */
export async function openDocument(url: string): Promise<void> {
  const res = await Taro.downloadFile({ url });
  if (res.statusCode !== 200) throw new Error('材料下载失败，请重试');
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
}
