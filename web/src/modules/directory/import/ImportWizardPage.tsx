import {
  IMPORT_FORMATS,
  type TCsvMapping,
  type TImportFormat,
  type TImportPreview,
  type TImportResult,
} from '@dircab/contracts';
import { Alert, Anchor, Button, Group, Input, List, Radio, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api/http';
import { useMe } from '../../../ui/me-context';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { CONTACTS_KEY } from '../directory-api';
import { DIRECTORY_PATH } from '../directory-rules';
import { OFFICIALS_KEY, OFFICIALS_PATH } from '../officials/officials-api';
import { ImportCounts, RowErrorsTable } from './ImportResultTables';
import { type ImportRequest, importApi, type TDelimiter } from './import-api';
import { canImport, MAX_IMPORT_BYTES } from './import-rules';
import { MappingSelects, SampleTable } from './PreviewTables';

/** What the file picker offers for each format. */
const ACCEPT: Record<TImportFormat, string> = {
  rne: '.csv,.txt,text/csv',
  csv: '.csv,.txt,text/csv',
  vcard: '.vcf,.vcard,text/vcard',
};
const AUTO = 'auto';

/** /directory/import: the four steps of an import (format and file, preview, dry run, import). */
export function ImportWizardPage() {
  const { t } = useTranslation();
  usePageTitle(t('importWizard.title'));
  const me = useMe();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={DIRECTORY_PATH} size="sm">
        {t('directory.backToList')}
      </Anchor>
      <div>
        <Title order={1}>{t('importWizard.title')}</Title>
        <Text c="dimmed">{t('importWizard.intro')}</Text>
      </div>
      {canImport(me.role) ? (
        <ImportWizard />
      ) : (
        <Alert color="gray" role="alert">
          {t('importWizard.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

export function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [format, setFormat] = useState<TImportFormat>('rne');
  const [file, setFile] = useState<File | null>(null);
  const [delimiter, setDelimiter] = useState<TDelimiter | ''>('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [mapping, setMapping] = useState<TCsvMapping>({});
  const [dryRun, setDryRun] = useState<TImportResult | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // A step change moves the focus to the new step's heading, so a screen reader reads it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger, not an input
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
  }, [step]);
  const go = (next: number) => {
    moved.current = true;
    setStep(next);
  };

  const request = (): ImportRequest | null =>
    file ? { file, format, delimiter, ...(format === 'csv' ? { mapping } : {}) } : null;
  const previewCall = useMutation({
    mutationFn: importApi.preview,
    onSuccess: (p) => {
      setPreview(p);
      setMapping(p.suggestedMapping);
      go(1);
    },
  });
  const dryRunCall = useMutation({
    mutationFn: (req: ImportRequest) => importApi.run(req, true),
    onSuccess: (r) => {
      setDryRun(r);
      go(2);
    },
  });
  const importCall = useMutation({
    mutationFn: (req: ImportRequest) => importApi.run(req, false),
    onSuccess: async (r) => {
      setResult(r);
      go(3);
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      await queryClient.invalidateQueries({ queryKey: OFFICIALS_KEY });
    },
  });

  const chooseFile = (picked: File | null) => {
    setFile(picked);
    setFileError(picked && picked.size > MAX_IMPORT_BYTES ? t('importWizard.tooBig') : null);
    previewCall.reset();
  };
  const startPreview = () => {
    if (!file) {
      setFileError(t('importWizard.fileRequired'));
      return;
    }
    if (fileError) return;
    previewCall.mutate({ file, format, delimiter });
  };
  const startDryRun = () => {
    const req = request();
    if (req) dryRunCall.mutate(req);
  };
  const startImport = () => {
    const req = request();
    if (req) importCall.mutate(req);
  };
  const restart = () => {
    setFile(null);
    setPreview(null);
    setDryRun(null);
    setResult(null);
    setMapping({});
    previewCall.reset();
    dryRunCall.reset();
    importCall.reset();
    go(0);
  };

  const stepHeading = (text: string) => (
    <Title order={2} size="h3" ref={heading} tabIndex={-1}>
      {text}
    </Title>
  );

  return (
    <Stepper
      active={step}
      onStepClick={(target) => {
        // Back only, and not once the import is done.
        if (target < step && step < 3) go(target);
      }}
      allowNextStepsSelect={false}
    >
      <Stepper.Step label={t('importWizard.steps.file')} description={t('importWizard.steps.fileHelp')}>
        <Stack gap="md" maw={720}>
          {stepHeading(t('importWizard.steps.file'))}
          <Radio.Group
            label={t('importWizard.format')}
            value={format}
            onChange={(v) => {
              setFormat(v as TImportFormat);
              previewCall.reset();
            }}
          >
            <Stack gap="xs" mt="xs">
              {IMPORT_FORMATS.map((f) => (
                <Radio key={f} value={f} label={t(`importWizard.formats.${f}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <FileField format={format} error={fileError} onChange={chooseFile} />
          {format === 'csv' && (
            <Select
              label={t('importWizard.delimiter')}
              data={[
                { value: AUTO, label: t('importWizard.delimiters.auto') },
                { value: ';', label: t('importWizard.delimiters.semicolon') },
                { value: ',', label: t('importWizard.delimiters.comma') },
                { value: '\t', label: t('importWizard.delimiters.tab') },
                { value: '|', label: t('importWizard.delimiters.pipe') },
              ]}
              value={delimiter || AUTO}
              onChange={(v) => setDelimiter(!v || v === AUTO ? '' : (v as TDelimiter))}
              allowDeselect={false}
            />
          )}
          {fileError && (
            <Alert color="red" role="alert">
              {fileError}
            </Alert>
          )}
          {previewCall.isError && <ProblemAlert error={previewCall.error} title={t('importWizard.previewFailed')} />}
          <Group>
            <Button onClick={startPreview} loading={previewCall.isPending}>
              {t('importWizard.toPreview')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>

      <Stepper.Step label={t('importWizard.steps.preview')} description={t('importWizard.steps.previewHelp')}>
        <Stack gap="md">
          {stepHeading(t('importWizard.steps.preview'))}
          {preview && (
            <>
              <Text>
                {t('importWizard.previewSummary', { count: preview.rows, columns: preview.columns.length })}
                {preview.ownOfficials !== undefined &&
                  ` ${t('importWizard.ownOfficials', { count: preview.ownOfficials })}`}
              </Text>
              {format === 'csv' && (
                <MappingSelects
                  columns={preview.columns}
                  mapping={mapping}
                  onChange={(column, field) => setMapping((m) => ({ ...m, [column]: field }))}
                />
              )}
              <SampleTable columns={preview.columns} sample={preview.sample} />
            </>
          )}
          {dryRunCall.isError && <ProblemAlert error={dryRunCall.error} title={t('importWizard.dryRunFailed')} />}
          <Group>
            <Button variant="default" onClick={() => go(0)}>
              {t('importWizard.back')}
            </Button>
            <Button onClick={startDryRun} loading={dryRunCall.isPending}>
              {t('importWizard.toDryRun')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>

      <Stepper.Step label={t('importWizard.steps.dryRun')} description={t('importWizard.steps.dryRunHelp')}>
        <Stack gap="md">
          {stepHeading(t('importWizard.steps.dryRun'))}
          {dryRun && (
            <>
              <Text>{t('importWizard.dryRunIntro')}</Text>
              <ImportCounts result={dryRun} caption={t('importWizard.dryRunCaption')} />
              <RowErrorsTable errors={dryRun.errors} />
            </>
          )}
          {importCall.isError && <ProblemAlert error={importCall.error} title={t('importWizard.importFailed')} />}
          <Group>
            <Button variant="default" onClick={() => go(preview ? 1 : 0)}>
              {t('importWizard.back')}
            </Button>
            <Button onClick={startImport} loading={importCall.isPending}>
              {t('importWizard.toImport')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>

      <Stepper.Completed>
        <Stack gap="md">
          {stepHeading(t('importWizard.steps.done'))}
          {result && (
            <>
              <Alert color="green" role="status">
                {t('importWizard.done', { count: result.rows })}
              </Alert>
              <ImportCounts result={result} caption={t('importWizard.resultCaption')} />
              <RowErrorsTable errors={result.errors} />
            </>
          )}
          <Group>
            <Button component={Link} to={DIRECTORY_PATH}>
              {t('importWizard.toList')}
            </Button>
            {format === 'rne' && (
              <Button component={Link} to={OFFICIALS_PATH} variant="default">
                {t('importWizard.toOfficials')}
              </Button>
            )}
            <Button variant="default" onClick={restart}>
              {t('importWizard.again')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Completed>
    </Stepper>
  );
}

/** A native file input (keyboard and screen readers know it) under a visible Mantine label. */
function FileField({
  format,
  error,
  onChange,
}: {
  format: TImportFormat;
  error: string | null;
  onChange: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Input.Wrapper id={id} label={t('importWizard.file')} description={t(`importWizard.fileHelp.${format}`)} required>
      <input
        id={id}
        type="file"
        accept={ACCEPT[format]}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-description`}
        onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
        style={{ display: 'block', marginTop: 4 }}
      />
    </Input.Wrapper>
  );
}

/** The server's explanation, and its field errors one per line, announced. */
function ProblemAlert({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation();
  const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    <Alert color="red" role="alert" title={title}>
      <Text size="sm">{problemMessage(error, t)}</Text>
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={`${f.path}-${f.message}`}>
              {t('importWizard.fieldError', { field: fieldLabel(f.path, t), message: f.message })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** « mapping », « file », « format » … in French; a CSV field by its label. */
function fieldLabel(path: string, t: (key: string) => string): string {
  const key = `importWizard.paths.${path.split('.')[0]}`;
  const label = t(key);
  return label === key ? path : label;
}
