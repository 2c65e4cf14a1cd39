export default definePageConfig({ navigationBarTitleText: '会议频次' });
