import { intlTags, type Locale } from '@/lib/locale'

/** ISO weekdays 1 (Monday) … 7 (Sunday) with their names in `locale`. */
export function weekdays (locale: Locale): { value: number, label: string }[] {
  const format = new Intl.DateTimeFormat(intlTags[locale], { weekday: 'long', timeZone: 'UTC' })
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: format.format(Date.UTC(2024, 0, value)) }))
}
