import { computed } from 'vue'
import { useRoute } from 'vue-router'

/** A numeric route parameter (the router's patterns already ensure digits). */
export function useRouteNumber (name: string) {
  const route = useRoute()
  return computed(() => Number(route.params[name]))
}

export function useRouteString (name: string) {
  const route = useRoute()
  return computed(() => String(route.params[name] ?? ''))
}
