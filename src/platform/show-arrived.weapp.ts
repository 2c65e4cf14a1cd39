/** The mini program: Taro batches updates into setData for the view layer; applied at once (see show-arrived.ts). */
export function showArrived(update: () => void): void {
  update();
}
