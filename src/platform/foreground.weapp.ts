/**
 * Mini program: a page in the background gets onHide (usePageVisible) and its JS is suspended about
 * 5 s later, so there is nothing more to ask here.
 */
export const appInForeground = (): boolean => true;
