export default definePageConfig({ navigationBarTitleText: '提醒通道' });
