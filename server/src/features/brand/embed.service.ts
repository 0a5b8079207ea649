import type { OEmbed } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import type { PlansService } from '../plans/plans.service.ts'
import { EmbedUrlUnknownError } from './brand.errors.ts'
import type { BrandService } from './brand.service.ts'
import { renderEmbed, type EmbedLocale } from './embed.render.ts'

const anonymous: Actor = { kind: 'anonymous', requestId: null }
const appAccent = '#1d4f7c'
const widgetSize = { width: 400, plan: 330, commitment: 300 }

/** `/embed/jena/plans/3`, `/jena/plans/3/commitments/2` and the like: the widget's city, plan and commitment. */
const addressPattern = /^\/(?:embed\/)?([a-z0-9-]{1,60})\/plans\/(\d{1,9})(?:\/commitments\/(\d{1,2}))?\/?$/

/**
 * The progress widgets of published plans, as the public sees them, and their oEmbed description. A widget
 * may be framed only by the origins its city's admin listed; with none, by nobody.
 */
export function createEmbeds (_db: Db, origin: string, brand: BrandService, plans: PlansService) {
  async function load (citySlug: string, planId: number, commitment: number | null) {
    const plan = await plans.getVisiblePlan(planId, anonymous).catch(() => null)
    if (!plan || plan.citySlug !== citySlug) throw new EmbedUrlUnknownError()
    const progress = await plans.progress(planId, anonymous)
    const figures = commitment === null ? progress.total : progress.commitments.find((c) => c.number === commitment)
    if (!figures) throw new EmbedUrlUnknownError()
    return { plan, figures: figures as typeof progress.commitments[number] | typeof progress.total }
  }

  return {
    async widget (citySlug: string, planId: number, commitment: number | null, locale: EmbedLocale) {
      const { plan, figures } = await load(citySlug, planId, commitment)
      const branding = await brand.forCity({ id: plan.cityId, slug: plan.citySlug, name: plan.cityName })
      const path = commitment === null ? `/${citySlug}/plans/${planId}` : `/${citySlug}/plans/${planId}/commitments/${commitment}`
      const title = locale === 'en' && plan.titleEn ? plan.titleEn : plan.titleDe
      const commitmentTitle = commitment !== null && 'number' in figures
        ? (locale === 'en' ? figures.localTitleEn ?? figures.titleEn : figures.localTitleDe ?? figures.titleDe)
        : null
      const rendered = renderEmbed({
        locale,
        cityName: plan.cityName,
        planTitle: title,
        figures,
        commitment: commitmentTitle === null ? null : { number: commitment!, title: commitmentTitle },
        accent: branding.accentColour ?? appAccent,
        pageUrl: `${origin}${path}`,
        oembedUrl: `${origin}/api/oembed?url=${encodeURIComponent(`${origin}/embed${path}`)}`,
        logoUrl: branding.logoUrl ? `${origin}${branding.logoUrl}` : null,
      })
      const ancestors = branding.embedOrigins.length > 0 ? branding.embedOrigins.join(' ') : '\'none\''
      const policy = [
        'default-src \'none\'', `style-src ${rendered.styleHash}`, 'img-src \'self\'', 'base-uri \'none\'', 'form-action \'none\'',
        `frame-ancestors ${ancestors}`,
      ].join('; ')
      return { html: rendered.html, policy }
    },

    async oembed (url: string, maxwidth?: number): Promise<OEmbed> {
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        throw new EmbedUrlUnknownError()
      }
      const match = parsed.origin === origin ? addressPattern.exec(parsed.pathname) : null
      if (!match) throw new EmbedUrlUnknownError()
      const [, citySlug, id, number] = match
      const commitment = number === undefined ? null : Number(number)
      const { plan } = await load(citySlug!, Number(id), commitment)
      const locale: EmbedLocale = parsed.searchParams.get('lang') === 'en' ? 'en' : 'de'
      const src = `${origin}/embed/${citySlug}/plans/${id}${commitment === null ? '' : `/commitments/${commitment}`}${locale === 'en' ? '?lang=en' : ''}`
      const width = Math.min(widgetSize.width, maxwidth ?? widgetSize.width)
      const height = commitment === null ? widgetSize.plan : widgetSize.commitment
      const title = `${locale === 'en' && plan.titleEn ? plan.titleEn : plan.titleDe} – ${plan.cityName}`
      const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
      return {
        version: '1.0',
        type: 'rich',
        title,
        provider_name: plan.cityName,
        provider_url: `${origin}/`,
        html: `<iframe src="${src}" title="${escaped}" width="${width}" height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>`,
        width,
        height,
      }
    },
  }
}
