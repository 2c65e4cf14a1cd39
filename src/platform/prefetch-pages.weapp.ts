/** WeChat downloads pages with the package and preloads subpackages by `preloadRule`: nothing to do here. */
export function prefetchPages(_paths: ReadonlyArray<string>): void {}
