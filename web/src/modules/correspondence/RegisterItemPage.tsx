import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { usePageTitle } from '../../ui/use-page-title';
import { correspondenceApi } from './correspondence-api';
import { CORRESPONDENCE_PATH, itemPath, nowLocal } from './correspondence-rules';
import { RegistrationForm } from './RegistrationForm';
import { emptyRegistration, toCreateBody } from './registration-values';

/** « Enregistrer un courrier »: on success, its number is told and its page opens. */
export function RegisterItemPage() {
  const { t } = useTranslation();
  usePageTitle(t('correspondence.register.title'));
  const me = useMe();
  const navigate = useNavigate();
  const timeZone = me.organisation.timeZone;
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to={CORRESPONDENCE_PATH} size="sm">
        {t('correspondence.backToInbox')}
      </Anchor>
      <Title order={1}>{t('correspondence.register.title')}</Title>
      <RegistrationForm
        initial={emptyRegistration(nowLocal(timeZone))}
        submitLabel={t('correspondence.register.submit')}
        onSave={(values) => correspondenceApi.create(toCreateBody(values, timeZone))}
        onSaved={(item) => {
          notify('green', t('correspondence.register.created', { number: item.registrationNumber }));
          navigate(itemPath(item.id));
        }}
      />
    </Stack>
  );
}
