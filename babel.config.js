// Babel must stay JavaScript: the NutUI on-demand import plugin takes functions.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
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
