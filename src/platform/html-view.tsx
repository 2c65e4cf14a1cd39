/**
 * H5 only: replaces the View of Taro's HTML components (config/index.ts swaps the module at build
 * time). Taro's keeps three pieces of state and an effect per element for its pressed look
 * (`hoverClass`, which nothing here uses) and long press; a page draws hundreds of Views, so on a slow
 * phone that was a fifth of the time spent showing a page. This one is a plain div; a View given
 * `onLongPress` (the chat's message menu) gets a timer, as Taro's: 350 ms held without moving.
 */
import { forwardRef, useRef, type ForwardedRef, type TouchEvent } from 'react';

type TouchHandler = (event: TouchEvent<HTMLDivElement>) => void;
type ViewProps = Record<string, unknown> & {
  onLongPress?: () => void;
  onTouchStart?: TouchHandler;
  onTouchMove?: TouchHandler;
  onTouchEnd?: TouchHandler;
};

const LONG_PRESS_MS = 350;
/** Mini program props that mean nothing in a browser and must not reach the DOM. */
const MINI_PROGRAM_ONLY = ['hoverClass', 'hoverStartTime', 'hoverStayTime', 'hoverStopPropagation', 'catchMove', 'animation', 'forwardedRef'];

function LongPressDiv({ onLongPress, onTouchStart, onTouchMove, onTouchEnd, divRef, ...rest }: ViewProps & { onLongPress: () => void; divRef: ForwardedRef<HTMLDivElement> }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  return (
    <div
      {...rest}
      ref={divRef}
      onTouchStart={(e) => {
        cancel();
        timer.current = setTimeout(onLongPress, LONG_PRESS_MS);
        onTouchStart?.(e);
      }}
      onTouchMove={(e) => {
        cancel();
        onTouchMove?.(e);
      }}
      onTouchEnd={(e) => {
        cancel();
        onTouchEnd?.(e);
      }}
    />
  );
}

function View(props: ViewProps, ref: ForwardedRef<HTMLDivElement>) {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(props)) if (!MINI_PROGRAM_ONLY.includes(key)) rest[key] = props[key];
  if (typeof props.onLongPress === 'function') return <LongPressDiv {...(rest as ViewProps)} onLongPress={props.onLongPress} divRef={ref} />;
  return <div {...rest} ref={ref} />;
}

export default forwardRef(View);
