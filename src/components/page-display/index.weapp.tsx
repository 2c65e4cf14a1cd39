import { useState, type ComponentType } from 'react';
import Taro from '@tarojs/taro';
import { PageMeta, NavigationBar } from '@tarojs/components';
import { useDisplay } from '../../hooks/use-display';
import { rootFontSize } from '../../utils/display-settings';
import { DARK_COLORS, LIGHT_COLORS, themeStyle } from '../../utils/theme-colors';

function windowSize(): { width: number; height: number } {
  try {
    const info = Taro.getWindowInfo();
    return { width: info.windowWidth, height: info.windowHeight };
  } catch {
    return { width: 375, height: 667 };
  }
}

/** The page's own title from its config (the navigation-bar node would otherwise blank it). */
function configTitle(): string | undefined {
  const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | undefined;
  return page?.config?.navigationBarTitleText;
}

/**
 * The mini program's <page-meta> (every page has one: config/page-meta-plugin.ts): the member's theme as
 * inline colour variables on the page node (overriding WeChat's own dark mode either way), the root
 * font size that every rem-sized style follows (大字模式), and the bar colours.
 */
function PageDisplay() {
  const { display } = useDisplay();
  // Read once, on the first render, which runs while this page is the current one (later renders may
  // happen while another page is on top, e.g. when the member switches 夜间模式 in 我的).
  const [title] = useState(configTitle);
  const { width, height } = windowSize();
  const colors = display.dark ? DARK_COLORS : LIGHT_COLORS;
  return (
    <PageMeta
      pageStyle={themeStyle(display.dark)}
      rootFontSize={`${rootFontSize(width, height, display.largeText)}px`}
      rootBackgroundColor={colors['--c-bg']}
      backgroundColor={colors['--c-bg']}
      backgroundTextStyle={display.dark ? 'light' : 'dark'}
    >
      <NavigationBar title={title} frontColor="#ffffff" backgroundColor={display.dark ? '#1f1f1f' : '#c8161d'} />
    </PageMeta>
  );
}

export function withPageDisplay<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function DisplayedPage(props: P) {
    return (
      <>
        <PageDisplay />
        <Page {...props} />
      </>
    );
  }
  DisplayedPage.displayName = `withPageDisplay(${Page.displayName ?? Page.name})`;
  return DisplayedPage;
}
