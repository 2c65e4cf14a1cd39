export default definePageConfig({ navigationBarTitleText: '支部成员' });
