export default definePageConfig({ navigationBarTitleText: '全院学习情况' });
