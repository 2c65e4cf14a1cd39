export default definePageConfig({ navigationBarTitleText: '会议台账' });
