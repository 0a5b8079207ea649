import { computed, type Ref } from 'vue'
import { useSessionStore } from '@/stores/session'

/** The city's name as the person's membership names it (platform administrators: the address's slug). */
export function useCityName (city: Ref<string>) {
  const session = useSessionStore()
  return computed(() => session.user?.memberships.find((m) => m.citySlug === city.value)?.cityName ?? city.value)
}
