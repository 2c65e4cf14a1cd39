export default definePageConfig({
  navigationBarTitleText: '支部交流',
  // The message list scrolls inside its own scroll-view; the page itself stays still so the composer stays put.
  disableScroll: true,
});
