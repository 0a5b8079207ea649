import type { MailKind, MailLanguage } from '@eccar/shared'
import Mustache from 'mustache'

/** A template per kind and language: subject and plain text are rendered unescaped, the HTML escaped. */
interface Template { subject: string, text: string, html: string }

const greeting = { de: 'Guten Tag,', en: 'Hello,' }
const footer = {
  de: {
    text: '{{#unsubscribeUrl}}\n--\nSie erhalten diese Nachricht, weil sie in Ihren Einstellungen eingeschaltet ist: {{{settingsUrl}}}\nNicht mehr erhalten: {{{unsubscribeUrl}}}\n{{/unsubscribeUrl}}',
    html: '{{#unsubscribeUrl}}<hr><p style="font-size:12px;color:#555">Sie erhalten diese Nachricht, weil sie in Ihren <a href="{{settingsUrl}}">Einstellungen</a> eingeschaltet ist. <a href="{{unsubscribeUrl}}">Diese Nachrichten nicht mehr erhalten</a></p>{{/unsubscribeUrl}}',
  },
  en: {
    text: '{{#unsubscribeUrl}}\n--\nYou receive this message because it is turned on in your settings: {{{settingsUrl}}}\nStop receiving these: {{{unsubscribeUrl}}}\n{{/unsubscribeUrl}}',
    html: '{{#unsubscribeUrl}}<hr><p style="font-size:12px;color:#555">You receive this message because it is turned on in your <a href="{{settingsUrl}}">settings</a>. <a href="{{unsubscribeUrl}}">Stop receiving these messages</a></p>{{/unsubscribeUrl}}',
  },
}
const page = (lang: MailLanguage, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>{{subject}}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}${footer[lang].html}</body></html>`

const templates: Record<MailKind, Record<MailLanguage, Template>> = {
  'deadline-reminders': {
    de: {
      subject: '{{cityName}}: {{title}} – fällig am {{dueDate}}',
      text: `${greeting.de}\n\n{{what}} „{{title}}“ ist am {{dueDate}} fällig ({{when}}).\n\nZum Eintrag: {{{link}}}\n${footer.de.text}`,
      html: page('de', '<p>Guten Tag,</p><p>{{what}} „{{title}}“ ist am <strong>{{dueDate}}</strong> fällig ({{when}}).</p><p><a href="{{link}}">Zum Eintrag</a></p>'),
    },
    en: {
      subject: '{{cityName}}: {{title}} – due on {{dueDate}}',
      text: `${greeting.en}\n\n{{what}} “{{title}}” is due on {{dueDate}} ({{when}}).\n\nOpen it: {{{link}}}\n${footer.en.text}`,
      html: page('en', '<p>Hello,</p><p>{{what}} “{{title}}” is due on <strong>{{dueDate}}</strong> ({{when}}).</p><p><a href="{{link}}">Open it</a></p>'),
    },
  },
  'weekly-digest': {
    de: {
      subject: '{{cityName}}: Ihre Wochenübersicht',
      text: `${greeting.de}\n\nIhre Maßnahmen, die Aufmerksamkeit brauchen:\n{{#attention}}- {{code}} {{title}}: {{reason}} – {{{link}}}\n{{/attention}}{{^attention}}keine\n{{/attention}}\nÄnderungen in der letzten Woche: {{changes}}\n\nZur Übersicht: {{{link}}}\n${footer.de.text}`,
      html: page('de', '<p>Guten Tag,</p><h1 style="font-size:18px">Ihre Maßnahmen, die Aufmerksamkeit brauchen</h1>{{#hasAttention}}<ul>{{#attention}}<li><a href="{{link}}">{{code}} {{title}}</a>: {{reason}}</li>{{/attention}}</ul>{{/hasAttention}}{{^hasAttention}}<p>keine</p>{{/hasAttention}}<p>Änderungen in der letzten Woche: {{changes}}</p><p><a href="{{link}}">Zur Übersicht</a></p>'),
    },
    en: {
      subject: '{{cityName}}: your weekly digest',
      text: `${greeting.en}\n\nYour measures that need attention:\n{{#attention}}- {{code}} {{title}}: {{reason}} – {{{link}}}\n{{/attention}}{{^attention}}none\n{{/attention}}\nChanges last week: {{changes}}\n\nOpen the overview: {{{link}}}\n${footer.en.text}`,
      html: page('en', '<p>Hello,</p><h1 style="font-size:18px">Your measures that need attention</h1>{{#hasAttention}}<ul>{{#attention}}<li><a href="{{link}}">{{code}} {{title}}</a>: {{reason}}</li>{{/attention}}</ul>{{/hasAttention}}{{^hasAttention}}<p>none</p>{{/hasAttention}}<p>Changes last week: {{changes}}</p><p><a href="{{link}}">Open the overview</a></p>'),
    },
  },
  'meeting-due': {
    de: {
      subject: '{{cityName}}: Sitzung der Lenkungsgruppe fällig am {{dueDate}}',
      text: `${greeting.de}\n\ndie nächste Sitzung der Lenkungsgruppe ist am {{dueDate}} fällig (letzte Sitzung: {{lastMeeting}}).\n\nZur Lenkungsgruppe: {{{link}}}\n${footer.de.text}`,
      html: page('de', '<p>Guten Tag,</p><p>die nächste Sitzung der Lenkungsgruppe ist am <strong>{{dueDate}}</strong> fällig (letzte Sitzung: {{lastMeeting}}).</p><p><a href="{{link}}">Zur Lenkungsgruppe</a></p>'),
    },
    en: {
      subject: '{{cityName}}: steering-group meeting due on {{dueDate}}',
      text: `${greeting.en}\n\nthe steering group's next meeting is due on {{dueDate}} (last meeting: {{lastMeeting}}).\n\nOpen the steering group: {{{link}}}\n${footer.en.text}`,
      html: page('en', '<p>Hello,</p><p>the steering group\'s next meeting is due on <strong>{{dueDate}}</strong> (last meeting: {{lastMeeting}}).</p><p><a href="{{link}}">Open the steering group</a></p>'),
    },
  },
  'cycle-changes': {
    de: {
      subject: '{{cityName}}: Berichtszyklus „{{title}}“ – {{state}}',
      text: `${greeting.de}\n\nder Berichtszyklus „{{title}}“ ist jetzt: {{state}}.\n\nZum Berichtszyklus: {{{link}}}\n${footer.de.text}`,
      html: page('de', '<p>Guten Tag,</p><p>der Berichtszyklus „{{title}}“ ist jetzt: <strong>{{state}}</strong>.</p><p><a href="{{link}}">Zum Berichtszyklus</a></p>'),
    },
    en: {
      subject: '{{cityName}}: reporting cycle “{{title}}” – {{state}}',
      text: `${greeting.en}\n\nthe reporting cycle “{{title}}” is now: {{state}}.\n\nOpen the reporting cycle: {{{link}}}\n${footer.en.text}`,
      html: page('en', '<p>Hello,</p><p>the reporting cycle “{{title}}” is now: <strong>{{state}}</strong>.</p><p><a href="{{link}}">Open the reporting cycle</a></p>'),
    },
  },
  invitation: {
    de: {
      subject: 'Einladung zum ECCAR-Tracker{{#cityName}} ({{cityName}}){{/cityName}}',
      text: `${greeting.de}\n\nSie sind zum ECCAR-Tracker{{#cityName}} der Stadt {{cityName}}{{/cityName}} eingeladen. Mit diesem Link nehmen Sie die Einladung an (gültig bis {{expiresAt}}):\n{{{link}}}\n\nWenn Sie die Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren.\n`,
      html: page('de', '<p>Guten Tag,</p><p>Sie sind zum ECCAR-Tracker{{#cityName}} der Stadt {{cityName}}{{/cityName}} eingeladen.</p><p><a href="{{link}}">Einladung annehmen</a> (gültig bis {{expiresAt}})</p><p>Wenn Sie die Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren.</p>'),
    },
    en: {
      subject: 'Invitation to the ECCAR tracker{{#cityName}} ({{cityName}}){{/cityName}}',
      text: `${greeting.en}\n\nyou are invited to the ECCAR tracker{{#cityName}} of {{cityName}}{{/cityName}}. Accept with this link (valid until {{expiresAt}}):\n{{{link}}}\n\nIf you did not expect this invitation, you can ignore this message.\n`,
      html: page('en', '<p>Hello,</p><p>you are invited to the ECCAR tracker{{#cityName}} of {{cityName}}{{/cityName}}.</p><p><a href="{{link}}">Accept the invitation</a> (valid until {{expiresAt}})</p><p>If you did not expect this invitation, you can ignore this message.</p>'),
    },
  },
  'password-reset': {
    de: {
      subject: 'Neues Passwort für den ECCAR-Tracker',
      text: `${greeting.de}\n\nmit diesem Link wählen Sie ein neues Passwort (gültig bis {{expiresAt}}):\n{{{link}}}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.\n`,
      html: page('de', '<p>Guten Tag,</p><p><a href="{{link}}">Neues Passwort wählen</a> (gültig bis {{expiresAt}})</p><p>Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.</p>'),
    },
    en: {
      subject: 'New password for the ECCAR tracker',
      text: `${greeting.en}\n\nchoose a new password with this link (valid until {{expiresAt}}):\n{{{link}}}\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n`,
      html: page('en', '<p>Hello,</p><p><a href="{{link}}">Choose a new password</a> (valid until {{expiresAt}})</p><p>If you did not ask for this, ignore this message; your password stays as it is.</p>'),
    },
  },
  'second-factor-reset': {
    de: {
      subject: 'Ihr zweiter Faktor wurde zurückgesetzt',
      text: `${greeting.de}\n\neine Plattform-Administratorin oder ein Plattform-Administrator hat den zweiten Faktor Ihres Kontos zurückgesetzt; alle Ihre Sitzungen wurden beendet. Melden Sie sich mit Ihrem Passwort an und richten Sie einen neuen zweiten Faktor ein:\n{{{link}}}\n\nWenn Sie das nicht veranlasst haben, wenden Sie sich bitte sofort an die Verwaltung.\n`,
      html: page('de', '<p>Guten Tag,</p><p>eine Plattform-Administratorin oder ein Plattform-Administrator hat den zweiten Faktor Ihres Kontos zurückgesetzt; alle Ihre Sitzungen wurden beendet.</p><p><a href="{{link}}">Anmelden und neuen zweiten Faktor einrichten</a></p><p>Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte sofort an die Verwaltung.</p>'),
    },
    en: {
      subject: 'Your second factor was reset',
      text: `${greeting.en}\n\na platform administrator reset the second factor of your account and ended all your sessions. Sign in with your password and set up a new second factor:\n{{{link}}}\n\nIf you did not ask for this, please contact the administration at once.\n`,
      html: page('en', '<p>Hello,</p><p>a platform administrator reset the second factor of your account and ended all your sessions.</p><p><a href="{{link}}">Sign in and set up a new second factor</a></p><p>If you did not ask for this, please contact the administration at once.</p>'),
    },
  },
}

const verbatim = { escape: (value: unknown) => String(value) }
const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** The five characters that matter in text and quoted attributes; Mustache's default also mangles every `/` of a link. */
const html = { escape: (value: unknown) => String(value).replace(/[&<>"']/g, (char) => htmlEntities[char]!) }

export interface RenderedMail { subject: string, text: string, html: string }

/**
 * Renders a mail. Links in `data` are app paths; `origin` makes them absolute. HTML escaping is
 * Mustache's own (`{{ }}`), so a measure title can never inject markup.
 */
export function renderMail (kind: MailKind, language: MailLanguage, data: Record<string, unknown>, origin: string): RenderedMail {
  const template = templates[kind][language]
  const view = absoluteLinks(data, origin)
  const subject = renderSubject(kind, language, data)
  return {
    subject,
    text: Mustache.render(template.text, view, {}, verbatim),
    html: Mustache.render(template.html, { ...view, subject }, {}, html),
  }
}

export function renderSubject (kind: MailKind, language: MailLanguage, data: Record<string, unknown>) {
  // Headers cannot carry line breaks; a title with one must not split the subject.
  return Mustache.render(templates[kind][language].subject, data, {}, verbatim).replace(/\s+/g, ' ').trim()
}

/** Every `link`, `settingsUrl` and `unsubscribeUrl`, also inside lists, as an absolute address. */
function absoluteLinks (data: Record<string, unknown>, origin: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && /^(link|settingsUrl|unsubscribeUrl)$/.test(key) && value.startsWith('/')) out[key] = origin + value
    else if (Array.isArray(value)) out[key] = value.map((item) => (item && typeof item === 'object' ? absoluteLinks(item as Record<string, unknown>, origin) : item))
    else out[key] = value
  }
  return out
}
