/**
 * The box a lazy widget occupies while its code loads: the widget's final size, a quiet
 * shimmer, and its name for screen readers. `data-widget` marks pages that carry a
 * widget (the performance script gives them the widget-page target).
 */
export function WidgetPlaceholder({
  name,
  label,
  className,
}: {
  name: string;
  label: string;
  className: string;
}) {
  return (
    <div
      data-widget={name}
      role="status"
      aria-label={`${label}: loading`}
      className={`not-prose my-8 animate-pulse rounded-2xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    />
  );
}
