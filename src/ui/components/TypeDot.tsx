// A small coloured disc for an entity type. The colour is set through the
// CSSOM (not a style attribute), which the Content-Security-Policy allows.
import { useLayoutEffect, useRef } from 'preact/hooks';

const SAFE_COLOUR = /^#[0-9a-f]{3,8}$/i;

export function TypeDot({ color }: { color?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) ref.current.style.backgroundColor = color && SAFE_COLOUR.test(color) ? color : '#9aa5b1';
  }, [color]);
  return <span ref={ref} class="type-dot" aria-hidden="true" />;
}
