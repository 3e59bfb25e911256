import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls when its content is wider (or taller) than it: while it does, it is a named
 * region in the tab order, so a keyboard can scroll it (WCAG 2.1.1); while it fits, it is neither,
 * and adds no stop to Tab through.
 */
export function ScrollRegion({
  label,
  className = 'table-scroll',
  as: Element = 'div',
  labelledBy,
  children,
}: {
  label?: string;
  className?: string;
  as?: 'div' | 'section';
  /** The id of a heading that names it, instead of `label`. */
  labelledBy?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const overflows = useOverflow(ref);
  const naming = labelledBy === undefined ? { 'aria-label': label } : { 'aria-labelledby': labelledBy };
  const focusable = overflows ? { tabIndex: 0, role: 'region', ...naming } : {};
  return (
    <Element
      ref={ref as never}
      className={className}
      {...(Element === 'section' ? naming : {})}
      {...focusable}
    >
      {children}
    </Element>
  );
}

/** Whether the element's content overflows it, kept up to date as either changes size. */
function useOverflow(ref: { current: HTMLElement | null }): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const check = () =>
      setOverflows(element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  });
  return overflows;
}
