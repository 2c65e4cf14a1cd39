/**
 * H5: Taro's image viewer is built on a swiper (about 190 KB of script). It loads when a member first
 * taps an image, not with every page that shows one. The mini program's viewer is native (preview-image.weapp.ts).
 */
export async function previewImage(urls: string[], current: string): Promise<void> {
  const { showImageViewer } = await import(/* webpackChunkName: "image-viewer" */ './image-viewer');
  await showImageViewer(urls, current);
}
