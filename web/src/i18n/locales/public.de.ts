// Texts of the public overview pages' headline, freshness and commitment identity (publicPages.*), merged into de.ts.
const publicPagesDe = {
  headline: {
    meterLabel: 'Umgesetzt oder dauerhaft laufend',
    sentence: '{n} von {total} Maßnahmen sind umgesetzt oder laufen dauerhaft ({share}).',
    explained: 'So messen wir den Fortschritt: Eine Maßnahme zählt, sobald sie umgesetzt ist oder als Daueraufgabe läuft.',
    asOf: 'Stand: {date}',
    asOfNone: 'Stand: noch keine Statusmeldung',
    asOfHint: 'Datum der letzten Statusmeldung',
    ended: 'Die Laufzeit dieses Plans endete am {date}.',
    toSuccessor: 'Zum Nachfolgeplan',
    distributionCaption: 'Maßnahmen nach Status',
    statusColumn: 'Status',
    countColumn: 'Anzahl',
    shareColumn: 'Anteil',
    showTable: 'Verteilung als Tabelle anzeigen',
    noProgress: 'Der Umsetzungsstand konnte nicht geladen werden.',
  },
  trend: {
    shareAxis: 'Anteil der Maßnahmen',
    chartLabel: 'Gestapeltes Säulendiagramm: Anteil der Maßnahmen, die umgesetzt sind, dauerhaft laufen oder in Umsetzung sind, je Zeitraum seit Planbeginn. Die Werte stehen in der Tabelle darunter.',
    caption: 'Anteil der Maßnahmen je Status und Zeitraum seit Planbeginn',
    countAndShare: '{n} ({share})',
  },
}

export default publicPagesDe
