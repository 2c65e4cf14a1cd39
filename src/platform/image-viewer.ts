import Taro from '@tarojs/taro';

/** Taro's H5 image viewer, reached only through preview-image.ts's dynamic import (see there). */
export const showImageViewer = (urls: string[], current: string) => Taro.previewImage({ urls, current });
