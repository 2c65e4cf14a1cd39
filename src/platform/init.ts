/** Platform start-up; the weapp variant initialises wx.cloud. */
export function initPlatform(): void {}
