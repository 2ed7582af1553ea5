import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { GatewayTokensPanel } from './GatewayTokensPanel';
import { HolidaysPanel } from './HolidaysPanel';
import { ItemTypesPanel } from './ItemTypesPanel';
import { LetterheadPanel } from './LetterheadPanel';
import { MailPanel } from './MailPanel';
import { NumberingPanel } from './NumberingPanel';
import { PublicFormPanel } from './PublicFormPanel';
import { type SettingsSection, sectionsFor } from './settings-roles';
import { TemplatesPanel } from './TemplatesPanel';

const p = 'correspondenceSettings';

function AcknowledgementSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <section aria-labelledby="settings-ack-templates">
        <Title order={2} id="settings-ack-templates" mb="sm">
          {t(`${p}.templates.title.ack`)}
        </Title>
        <TemplatesPanel kind="ack" />
      </section>
      <section aria-labelledby="settings-letterhead">
        <Title order={2} id="settings-letterhead" mb="sm">
          {t(`${p}.letterhead.title`)}
        </Title>
        <LetterheadPanel />
      </section>
    </Stack>
  );
}

const PANELS: Record<SettingsSection, () => ReactNode> = {
  types: () => <ItemTypesPanel />,
  numbering: () => <NumberingPanel />,
  replyTemplates: () => <TemplatesPanel kind="reply" />,
  acknowledgement: () => <AcknowledgementSection />,
  holidays: () => <HolidaysPanel />,
  mail: () => <MailPanel />,
  gateway: () => <GatewayTokensPanel />,
  publicForm: () => <PublicFormPanel />,
};

/**
 * Correspondence settings (/correspondence/settings?tab=…): one tab per setting, each shown
 * only to the roles the server lets change it; a tab loads when opened.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('correspondence.settings.title'));
  const me = useMe();
  const sections = sectionsFor(me.role);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as SettingsSection | null;
  const tab = asked && sections.includes(asked) ? asked : sections[0];
  return (
    <Stack gap="lg">
      <Link to="/correspondence">{t('correspondence.backToInbox')}</Link>
      <Title order={1}>{t('correspondence.settings.title')}</Title>
      {tab ? (
        <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
          <Tabs.List aria-label={t(`${p}.sections`)}>
            {sections.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`${p}.tabs.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {sections.map((s) => (
            <Tabs.Panel key={s} value={s} pt="md">
              {s !== 'acknowledgement' && (
                <Title order={2} mb="sm">
                  {t(`${p}.tabs.${s}`)}
                </Title>
              )}
              {PANELS[s]()}
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <Text>{t('correspondence.settings.forbidden')}</Text>
      )}
    </Stack>
  );
}
