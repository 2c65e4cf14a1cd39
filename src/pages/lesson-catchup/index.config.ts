export default definePageConfig({ navigationBarTitleText: '补学' });
