import { storeToRefs } from 'pinia'
import { computed, watch } from 'vue'
import { useLocale } from '@/composables/useLocale'
import { useRouteNumber, useRouteString } from '@/composables/useRouteNumber'
import { useAdminPlanStore } from '@/stores/admin-plan'

/**
 * The plan of an administration address (`:city`, `:planId`), read fresh on arrival, with the crumb
 * that leads back to it. `mismatch` is true when the plan belongs to another city.
 */
export function useAdminPlan () {
  const { text } = useLocale()
  const city = useRouteString('city')
  const planId = useRouteNumber('planId')
  const store = useAdminPlanStore()
  const { plans, status, error } = storeToRefs(store)
  const plan = computed(() => plans.value[planId.value])
  const mismatch = computed(() => !!plan.value && plan.value.citySlug !== city.value)
  const planCrumb = computed(() => (plan.value
    ? { label: text(plan.value.titleDe, plan.value.titleEn), to: { name: 'admin-plan', params: { city: city.value, planId: planId.value } } }
    : null))
  watch(planId, (id) => store.loadPlan(id), { immediate: true })
  return { city, planId, plan, mismatch, planCrumb, status, error, reload: () => store.loadPlan(planId.value) }
}
