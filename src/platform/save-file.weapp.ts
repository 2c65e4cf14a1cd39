import Taro from '@tarojs/taro';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name safe for the user data folder: no path separators, nothing empty. */
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^\.+/, '') || 'export.xlsx';

/**
 * Mini program: writes the file to the user data folder and opens it in WeChat's viewer, whose menu
 * can forward it to a chat or open it elsewhere. `mime` is unused here: the viewer goes by extension.
 */
export async function saveBase64File(fileName: string, base64: string, _mime: string = XLSX_MIME): Promise<void> {
  const name = safeName(fileName);
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject });
  });
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  await Taro.openDocument({ filePath, showMenu: true, fileType: ext === 'xls' ? 'xls' : 'xlsx' });
}
