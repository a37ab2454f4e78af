// A study's forecast: the study and its sites as the Poisson-Gamma model takes them
// (forecast/forecast.ts; the maths is in docs/forecasting.md).
import { type ForecastResult, forecast } from './forecast/forecast.js';
import type { StudyView } from './service.js';

export interface StudyForecast extends Omit<ForecastResult, 'sites'> {
  sites: (ForecastResult['sites'][number] & {
    organisation: { slug: string; name: string };
  })[];
}

export class StudyForecasts {
  constructor(private readonly today: () => string) {}

  forStudy(study: StudyView): StudyForecast {
    const today = this.today();
    const result = forecast({
      today,
      target: study.recruitmentTarget,
      plannedStart: study.plannedStart,
      plannedEnd: study.plannedEnd,
      sites: study.sites.map((site) => ({
        id: site.id,
        ...(site.openedOn ? { openedOn: site.openedOn } : { plannedOpenOn: site.plannedOpen }),
        // A study closed to recruitment recruits no more anywhere.
        ...(study.status === 'closed' ? { closedOn: today } : {}),
        recruited: site.recruitment
          .filter((day) => day.recruitedOn < today)
          .reduce((sum, day) => sum + day.participants, 0),
      })),
    });
    const byId = new Map(study.sites.map((site) => [site.id, site]));
    return {
      ...result,
      sites: result.sites.map((site) => {
        const known = byId.get(site.id);
        return {
          ...site,
          organisation: {
            slug: known?.organisationSlug ?? '',
            name: known?.organisationName ?? '',
          },
        };
      }),
    };
  }
}
