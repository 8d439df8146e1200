import type { ComponentPropsWithoutRef } from 'react';

/** Markdown tables scroll sideways inside their own box on narrow screens, never the page. */
export function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div
      className="table-scroll -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0"
      tabIndex={0}
      role="region"
      aria-label="Table (scrolls sideways)"
    >
      <table {...props} />
    </div>
  );
}
