// The mini program takes its bar colours from theme.json (light and dark, following WeChat's setting);
// H5 has no theme.json and gets the literal colours (src/platform/display.ts recolours at run time).
const weapp = process.env.TARO_ENV === 'weapp';
const themed = (variable: string, literal: string) => (weapp ? `@${variable}` : literal);

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notices/index', 'pages/notice-detail/index', 'pages/branch/index', 'pages/me/index', 'pages/bind/index', 'pages/demo/index', 'pages/lesson/index', 'pages/lesson-catchup/index', 'pages/lesson-history/index'],
  subPackages: [
    // The chat (with its pinyin search) is its own package, preloaded from the 支部 tab so it opens at once.
    { root: 'pages/chat', pages: ['index'] },
    // Meetings (三会一课): a member opens them from home or 支部, so both preload the package.
    { root: 'pages/meeting', pages: ['index', 'list/index', 'checkin/index'] },
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
        'reach-settings/index',
        'meeting-schedule/index',
        'meeting-manage/index',
        'meeting-display/index',
        'meeting-minutes/index',
        'meeting-ledger/index',
        'meeting-cadence/index',
        'meeting-matrix/index',
      ],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/meeting'] },
    'pages/branch/index': { network: 'all', packages: ['pages/chat', 'pages/meeting'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: themed('navBg', '#c8161d'),
    navigationBarTitleText: '微支部',
    navigationBarTextStyle: themed('navText', 'white') as 'white',
    backgroundColor: themed('pageBg', '#f5f5f5'),
    // H5 draws the same bar as WeChat only when asked: every page then has its title and a way back.
    navigationStyle: 'default',
  },
  // WXSS follows WeChat's dark mode through prefers-color-scheme (app.scss); bars are recoloured in code.
  darkmode: true,
  themeLocation: 'theme.json',
  tabBar: {
    color: themed('tabColor', '#6b6b6b'),
    selectedColor: themed('tabSelected', '#c8161d'),
    backgroundColor: themed('tabBg', '#ffffff'),
    borderStyle: themed('tabBorder', 'black') as 'black',
    list: [
      // Icons: 81×81 PNG rendered by scripts/render-tab-icons.ts.
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/notices/index', text: '通知', iconPath: 'assets/tab/notices.png', selectedIconPath: 'assets/tab/notices-active.png' },
      { pagePath: 'pages/branch/index', text: '支部', iconPath: 'assets/tab/branch.png', selectedIconPath: 'assets/tab/branch-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
