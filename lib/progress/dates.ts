/**
 * Dates as the progress views print them ("5 Dec", "5 Dec 2026"), in the reader's local
 * time: what `Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })` prints
 * (CLDR's en-GB abbreviates September as "Sept").
 * Hand-written because building that formatter is ICU work: it cost 50–65 ms of main
 * thread at 4× CPU (Chromium profile) in the first task after hydration of every section
 * page, where `SectionProgress` built it at module load.
 */
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

export function shortDate(ms: number, { year = false }: { year?: boolean } = {}): string {
  const d = new Date(ms);
  const dayMonth = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return year ? `${dayMonth} ${d.getFullYear()}` : dayMonth;
}
