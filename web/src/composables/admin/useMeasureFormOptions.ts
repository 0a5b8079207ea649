import { measureTypeLabels, type Recurrence } from '@eccar/shared'
import { storeToRefs } from 'pinia'
import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLocale } from '@/composables/useLocale'
import type { RelationFormValue } from '@/lib/admin/measure-form'
import { formatValue } from '@/lib/admin/format-value'
import { useMeasuresStore } from '@/stores/measures'
import { useAdminOrganisationsStore } from '@/stores/admin-organisations'
import { useAdminPlanStore } from '@/stores/admin-plan'

/**
 * Choices of the measure form (the city's bodies, the plan's other measures, the ECCAR commitments
 * with their example actions), loaded on arrival, and a formatter that shows ids as names.
 */
export function useMeasureFormOptions (city: Ref<string>, planId: Ref<number>, ownId: Ref<number | null>) {
  const { t } = useI18n()
  const { text, label } = useLocale()
  const organisationsStore = useAdminOrganisationsStore()
  const measuresStore = useMeasuresStore()
  const planStore = useAdminPlanStore()
  const { byCity } = storeToRefs(organisationsStore)
  const { planMeasures: items, planMeasuresOf: listPlanId } = storeToRefs(measuresStore)
  const { commitments } = storeToRefs(planStore)

  void organisationsStore.ensureCity(city.value)
  void planStore.loadCommitments()
  if (listPlanId.value !== planId.value) void measuresStore.loadPlanMeasures(planId.value)

  const organisations = computed(() => (byCity.value[city.value] ?? []).map((o) => ({ value: o.id, label: text(o.name, o.nameEn) })))
  const otherMeasures = computed(() => (listPlanId.value === planId.value ? items.value : [])
    .filter((m) => m.id !== ownId.value)
    .map((m) => ({ value: m.id, label: `${m.code} ${text(m.titleDe, m.titleEn)}` })))

  const orgName = (id: unknown) => organisations.value.find((o) => o.value === id)?.label ?? `#${String(id)}`
  const measureName = (id: unknown) => otherMeasures.value.find((o) => o.value === id)?.label ?? `#${String(id)}`
  const words = () => ({ empty: t('admin.common.empty'), yes: t('admin.common.yes'), no: t('admin.common.no') })

  /** Readable values for the conflict comparison. */
  function format (field: string, value: unknown): string | null {
    const empty = value === null || value === '' || (Array.isArray(value) && !value.length)
    if (empty) return formatValue(null, words())
    switch (field) {
      case 'leadOrganisationId': return orgName(value)
      case 'involvedOrganisationIds': return (value as number[]).map(orgName).join(', ')
      case 'relatedMeasures': return (value as RelationFormValue[]).map((r) => measureName(r.measureId)).join(', ')
      case 'type': return label(measureTypeLabels[value as keyof typeof measureTypeLabels])
      case 'recurrence': return t(`recurrence.${value as Recurrence}`)
      case 'isPublic': return value ? t('admin.measures.public') : t('admin.measures.internal')
      default: return null
    }
  }

  return { organisations, otherMeasures, commitments, format }
}
