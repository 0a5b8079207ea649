import type publicPagesDe from './public.de'

// English texts of the public overview pages' headline, freshness and commitment identity (publicPages.*), merged into en.ts.
const publicPagesEn: typeof publicPagesDe = {
  headline: {
    meterLabel: 'Completed or ongoing',
    sentence: '{n} of {total} measures are completed or ongoing ({share}).',
    explained: 'How we measure progress: a measure counts once it is completed or runs as a permanent task.',
    asOf: 'As of {date}',
    asOfNone: 'As of: no status update yet',
    asOfHint: 'Date of the latest status update',
    ended: 'This plan\'s period ended on {date}.',
    toSuccessor: 'Go to the plan that continues it',
    distributionCaption: 'Measures by status',
    statusColumn: 'Status',
    countColumn: 'Number',
    shareColumn: 'Share',
    showTable: 'Show the distribution as a table',
    noProgress: 'The progress could not be loaded.',
  },
  trend: {
    shareAxis: 'Share of measures',
    chartLabel: 'Stacked column chart: share of measures completed, ongoing or in progress in each period since the plan started. The values are in the table below.',
    caption: 'Share of measures by status and period since the plan started',
    countAndShare: '{n} ({share})',
  },
}

export default publicPagesEn
