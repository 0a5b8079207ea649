import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAnnouncer } from './useAnnouncer'

/** Sets the document title ("Page – Site"), which is also what a screen reader reads after navigation. */
export function usePageTitle (title: () => string | null) {
  const { t } = useI18n()
  const { pageTitleKnown } = useAnnouncer()
  watchEffect(() => {
    const page = title()
    document.title = page ? `${page} – ${t('app.name')}` : t('app.name')
    if (page) pageTitleKnown(page)
  })
}
