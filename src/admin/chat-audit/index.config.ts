export default definePageConfig({ navigationBarTitleText: '各支部交流' });
