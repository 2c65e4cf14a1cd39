// Babel must stay JavaScript: the NutUI on-demand import plugin takes functions.
// The H5 app runs in browsers from 2018 on (WeChat's, hospital PCs' Chromium-based ones, iOS 12 Safari):
// compiling for them keeps classes, arrow functions, async functions and object spread native instead of
// Taro's default of iOS 9 / Android 5, whose helpers and regenerator made the app's script larger and
// slower to start. The mini program keeps Taro's default (WeChat's own ES6-to-ES5 step runs after it).
const h5Targets = process.env.TARO_ENV === 'h5' ? { targets: { chrome: '69', safari: '12', firefox: '78', edge: '79' } } : {};

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...h5Targets }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // Only the components a page imports (and their CSS) reach the bundle. The plugin hands us
        // dashed names (CellGroup -> cell-group); NutUI's folders have no dash (cellgroup).
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.replace(/-/g, '').toLowerCase()}`,
        style: (path) => `${path}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
