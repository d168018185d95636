/** Quota periods of usage plans (UTC days). */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The first day (YYYY-MM-DD) of the quota period that contains `now`. */
export function quotaPeriodStart(now: number, period: string, offset: number): string {
  const d = new Date(now);
  if (period === 'WEEK') {
    const back = (d.getUTCDay() - (offset % 7) + 7) % 7;
    return dayOf(now - back * 86400000);
  }
  if (period === 'MONTH') {
    const startDay = offset + 1;
    let y = d.getUTCFullYear();
    let m = d.getUTCMonth();
    if (d.getUTCDate() < startDay) {
      m -= 1;
      if (m < 0) {
        m = 11;
        y -= 1;
      }
    }
    return dayOf(Date.UTC(y, m, startDay));
  }
  return dayOf(now);
}

