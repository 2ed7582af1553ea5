import type { TFiguresRow } from '@dircab/contracts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const p = 'correspondenceFigures';

/** The period's totals as a list of labelled figures (a description list: each figure has its name). */
export function FiguresSummary({ total, from, to }: { total: TFiguresRow; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  const day = (d: string) => date.format(new Date(`${d}T12:00:00Z`));
  const figures: [string, string][] = [
    [t(`${p}.received`), String(total.received)],
    [t(`${p}.closed`), String(total.closed)],
    [t(`${p}.median`), total.medianDays === null ? '—' : days.format(total.medianDays)],
    [t(`${p}.p90`), total.p90Days === null ? '—' : days.format(total.p90Days)],
    [t(`${p}.withinDue`), total.withinDueShare === null ? '—' : share.format(total.withinDueShare)],
    [t(`${p}.openOverdue`), String(total.openOverdue)],
  ];
  return (
    <section aria-labelledby="figures-total">
      <Title order={2} id="figures-total" mb="sm">
        {t(`${p}.total`, { from: day(from), to: day(to) })}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} m={0}>
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text component="dt" size="sm">
              {label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
