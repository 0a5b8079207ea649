import { storeToRefs } from 'pinia'
import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLocale } from '@/composables/useLocale'
import type { DecisionFormValue } from '@/lib/admin/steering-form'
import { useAdminSteeringStore } from '@/stores/admin-steering'

/** Choices of the meeting form (the group's seats, the city's measures) and readable values for conflicts. */
export function useMeetingOptions (city: Ref<string>) {
  const { t } = useI18n()
  const { text } = useLocale()
  const store = useAdminSteeringStore()
  const { groups, cityMeasures } = storeToRefs(store)
  if (!groups.value[city.value]) void store.loadGroup(city.value)
  void store.loadCityMeasures(city.value)

  const seats = computed(() => (groups.value[city.value]?.members ?? []).map((m) => ({
    value: m.id,
    label: m.seat,
    hint: m.organisation && m.organisation.name !== m.seat ? text(m.organisation.name, m.organisation.nameEn) : undefined,
  })))
  const several = computed(() => (cityMeasures.value[city.value]?.length ?? 0) > 1)
  const measures = computed(() => (cityMeasures.value[city.value] ?? []).flatMap(({ plan, measures: list }) => list.map((m) => ({
    value: m.id,
    label: `${m.code} ${text(m.titleDe, m.titleEn)}`,
    // With several plans, say which one (a code like 3.2 exists in each).
    hint: several.value ? `${text(plan.titleDe, plan.titleEn)} ${plan.periodStart.slice(0, 4)}–${plan.periodEnd.slice(0, 4)}` : undefined,
  }))))

  const name = (list: { value: number, label: string }[], id: number) => list.find((o) => o.value === id)?.label ?? `#${id}`
  function format (field: string, value: unknown): string | null {
    if (field === 'attendeeIds' && Array.isArray(value) && value.length) return (value as number[]).map((id) => name(seats.value, id)).join(', ')
    if (field === 'decisions' && Array.isArray(value) && value.length) {
      return (value as DecisionFormValue[]).map((d, i) => `${i + 1}. ${d.text}${d.measureIds.length ? ` (${d.measureIds.map((id) => name(measures.value, id).split(' ')[0]).join(', ')})` : ''}`).join('\n')
    }
    if (value === null || value === '' || (Array.isArray(value) && !value.length)) return t('admin.common.empty')
    return null
  }

  return { seats, measures, format }
}
