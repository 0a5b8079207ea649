import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Visible labels of form fields (`admin.fields.<name>`), for the fields, error summaries and conflict tables. */
export function useFieldLabels (fields: readonly string[], extra: () => Record<string, string> = () => ({})) {
  const { t, te } = useI18n()
  const labels = computed<Record<string, string>>(() => ({
    ...Object.fromEntries(fields.map((f) => [f, te(`admin.fields.${f}`) ? t(`admin.fields.${f}`) : f])),
    ...extra(),
  }))
  const label = (field: string): string => labels.value[field] ?? field
  return { labels, label }
}
