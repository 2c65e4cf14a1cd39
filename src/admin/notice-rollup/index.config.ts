export default definePageConfig({ navigationBarTitleText: '各支部阅读情况' });
