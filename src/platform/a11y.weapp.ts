/** The mini program exposes components to screen readers itself; nothing to repair (see a11y.ts). */
export function watchAccessibility(): void {}
