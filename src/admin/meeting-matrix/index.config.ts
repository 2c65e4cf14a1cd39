export default definePageConfig({ navigationBarTitleText: '各支部会议' });
