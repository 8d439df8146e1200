import type { ReactNode } from 'react';
import { card, h2 } from './styles';

/** A card of the practice room headed by its title, which names it for screen readers. */
export function Panel({
  id,
  title,
  className = '',
  children,
  ...data
}: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
} & Readonly<Record<`data-${string}`, string | boolean>>) {
  return (
    <section className={`${card} ${className}`} aria-labelledby={id} {...data}>
      <h2 id={id} className={h2}>
        {title}
      </h2>
      {children}
    </section>
  );
}
