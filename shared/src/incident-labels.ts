import type { DiscriminationKind, LifeArea, ReportingChannel } from './vocabulary.ts'

/**
 * German and English labels of the incident vocabularies (DOMAIN.md §5.1), so the web app,
 * exports and reports name the categories alike.
 */

export const discriminationKindLabels: Record<DiscriminationKind, { de: string, en: string }> = {
  racism: { de: 'Rassismus', en: 'racism' },
  antisemitism: { de: 'Antisemitismus', en: 'antisemitism' },
  religion: { de: 'Religion oder Weltanschauung', en: 'religion or belief' },
  gender: { de: 'Geschlecht', en: 'gender' },
  disability: { de: 'Behinderung', en: 'disability' },
  age: { de: 'Lebensalter', en: 'age' },
  sexual_identity: { de: 'sexuelle Identität', en: 'sexual identity' },
  social_status: { de: 'sozialer Status', en: 'social status' },
  other: { de: 'Sonstiges', en: 'other' },
}

export const lifeAreaLabels: Record<LifeArea, { de: string, en: string }> = {
  work: { de: 'Arbeit', en: 'work' },
  education: { de: 'Bildung', en: 'education' },
  housing: { de: 'Wohnen', en: 'housing' },
  public_authorities: { de: 'Ämter und Behörden', en: 'public authorities' },
  goods_services: { de: 'Güter und Dienstleistungen', en: 'goods and services' },
  health: { de: 'Gesundheit', en: 'health' },
  leisure: { de: 'Freizeit', en: 'leisure' },
  public_space: { de: 'öffentlicher Raum', en: 'public space' },
  police_justice: { de: 'Polizei und Justiz', en: 'police and justice' },
  media_internet: { de: 'Medien und Internet', en: 'media and internet' },
  other: { de: 'Sonstiges', en: 'other' },
}

export const reportingChannelLabels: Record<ReportingChannel, { de: string, en: string }> = {
  in_person: { de: 'persönlich', en: 'in person' },
  phone: { de: 'Telefon', en: 'phone' },
  mail: { de: 'Brief', en: 'letter' },
  email: { de: 'E-Mail', en: 'e-mail' },
  online_form: { de: 'Online-Formular', en: 'online form' },
  social_media: { de: 'soziale Medien', en: 'social media' },
  other: { de: 'Sonstiges', en: 'other' },
}
