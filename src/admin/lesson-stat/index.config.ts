export default definePageConfig({ navigationBarTitleText: '课程统计' });
