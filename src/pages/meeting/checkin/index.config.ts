export default definePageConfig({ navigationBarTitleText: '会议签到' });
