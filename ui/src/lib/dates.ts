// Calendar dates arrive as `YYYY-MM-DD`; they are shown in the person's own locale without
// ever passing through UTC (which could shift them by a day).

/** The ways the interface writes a date or a time. */
const DATE_STYLES = {
  /** "21 November 2026" */
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  /** "14:05" */
  time: { hour: '2-digit', minute: '2-digit' },
  /** "21 Nov", a chart's axis */
  dayMonth: { day: 'numeric', month: 'short' },
  /** "Nov 2026", a chart's axis over months */
  monthYear: { month: 'short', year: 'numeric' },
  /** "2026", a chart's axis over years */
  year: { year: 'numeric' },
  /** "Sat 21 Nov" */
  weekdayShort: { weekday: 'short', day: 'numeric', month: 'short' },
  /** "Saturday 21 November" */
  weekdayLong: { weekday: 'long', day: 'numeric', month: 'long' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_STYLES;

// Each formatter is made once per locale and style and then reused. Making one is costly: each
// `Intl.DateTimeFormat` builds its own ICU formatter outside the script's heap, and WebKit frees
// it only when the collector runs. Made per date, the History of a client with ten years of
// ratings (about 1,500 dates) left the page holding 60 MiB more.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The shared formatter for `style` in `locale` (the person's own when not given). */
export function dateFormatter(style: DateStyle, locale?: string): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, DATE_STYLES[style]);
    formatters.set(key, formatter);
  }
  return formatter;
}

export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

export function formatDate(iso: string | null, locale?: string): string {
  if (!iso) return '';
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return dateFormatter('long', locale).format(date);
}

/** Today as `YYYY-MM-DD` in the person's own time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An instant as a local date, written like `formatDate` writes calendar dates. */
export function formatInstantDate(instant: string, locale?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return dateFormatter('long', locale).format(date);
}

/** An instant as a local time of day, e.g. `14:05`. */
export function formatTime(instant: string, locale?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormatter('time', locale).format(date);
}
