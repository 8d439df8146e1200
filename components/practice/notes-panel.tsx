'use client';

import { useId } from 'react';
import { card, h2, muted, textarea } from './styles';

/** A phase whose product is writing: the API, the deep dives, the wrap-up. */
export function NotesPanel({
  title,
  hint,
  value,
  onChange,
}: {
  title: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <section className={card}>
      <label htmlFor={id} className={h2}>
        {title}
      </label>
      <p className={`mt-1 ${muted}`}>Produce: {hint}.</p>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={7}
        className={`mt-3 ${textarea}`}
        data-notes={title}
      />
    </section>
  );
}
