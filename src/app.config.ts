export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notices/index', 'pages/notice-detail/index', 'pages/branch/index', 'pages/me/index', 'pages/bind/index', 'pages/demo/index', 'pages/lesson/index', 'pages/lesson-catchup/index', 'pages/lesson-history/index'],
  subPackages: [
    // The chat (with its pinyin search) is its own package, preloaded from the 支部 tab so it opens at once.
    { root: 'pages/chat', pages: ['index'] },
    {
      root: 'admin',
      pages: [
        'org/index',
        'branch/index',
        'roster/index',
        'invites/index',
        'member/index',
        'notice-compose/index',
        'notice-sent/index',
        'notice-track/index',
        'notice-rollup/index',
        'lesson-library/index',
        'lesson-edit/index',
        'lesson-plan/index',
        'lesson-stats/index',
        'lesson-stat/index',
        'lesson-committee/index',
        'chat-audit/index',
      ],
    },
  ],
  preloadRule: {
    'pages/branch/index': { network: 'all', packages: ['pages/chat'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '微支部',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/notices/index', text: '通知' },
      { pagePath: 'pages/branch/index', text: '支部' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
