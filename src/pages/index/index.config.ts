export default definePageConfig({ navigationBarTitleText: '微支部' });
