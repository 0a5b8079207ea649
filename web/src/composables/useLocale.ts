import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDate, formatList, formatNumber, formatPercent, formatShare, formatYearlyDay } from '@/lib/format'
import { isLocale, type Locale } from '@/lib/locale'
import { localizedString, pickLocalized } from '@/lib/localized'
import { persistLocale } from '@/i18n'
import { switchLanguage } from '@/i18n/bundles'

/** The UI language with its formatters and content pickers, bound to the current locale. */
export function useLocale () {
  const composer = useI18n()
  const { locale: i18nLocale, t } = composer
  const locale = computed<Locale>(() => (isLocale(i18nLocale.value) ? i18nLocale.value : 'de'))

  /** Switches once the other language's texts of the pages' bundles are in (bundles.ts). */
  async function setLocale (next: Locale) {
    await switchLanguage(composer, next)
    persistLocale(next)
  }

  return {
    locale,
    t,
    setLocale,
    date: (iso: string, style: 'long' | 'medium' = 'long') => formatDate(iso, locale.value, style),
    yearlyDay: (monthDay: string) => formatYearlyDay(monthDay, locale.value),
    number: (value: number, digits = 0) => formatNumber(value, locale.value, digits),
    percent: (value: number) => formatPercent(value, locale.value),
    share: (value: number) => formatShare(value, locale.value),
    list: (items: readonly string[]) => formatList(items, locale.value),
    pick: (de: string | null | undefined, en: string | null | undefined) => pickLocalized(locale.value, de, en),
    text: (de: string | null | undefined, en: string | null | undefined) => localizedString(locale.value, de, en),
    label: (labels: { de: string, en: string }) => labels[locale.value],
  }
}
