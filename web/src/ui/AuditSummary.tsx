import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  summary: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `{ before, after }` as "field: old → new" lines; anything else as "key: value". */
export function AuditSummary({ summary }: Props) {
  const { t } = useTranslation();
  const field = (key: string) => t(`audit.fields.${key}`, { defaultValue: key });
  const value = (key: string, v: unknown) =>
    key === 'role' && typeof v === 'string'
      ? t(`roles.${v}`, { defaultValue: v })
      : typeof v === 'boolean'
        ? t(v ? 'common.yes' : 'common.no')
        : show(v);
  const before = isRecord(summary.before) ? summary.before : {};
  const after = isRecord(summary.after) ? summary.after : {};
  const changed = Array.from(new Set([...Object.keys(before), ...Object.keys(after)]));
  const rest = Object.entries(summary).filter(([k]) => k !== 'before' && k !== 'after');
  if (changed.length === 0 && rest.length === 0) return null;
  return (
    <List size="sm" spacing={2} listStyleType="none">
      {changed.map((key) => (
        <List.Item key={key}>
          <Text span size="sm" fw={500}>
            {field(key)}
          </Text>{' '}
          {key in before ? `${value(key, before[key])} → ${value(key, after[key])}` : value(key, after[key])}
        </List.Item>
      ))}
      {rest.map(([key, v]) => (
        <List.Item key={key}>
          <Text span size="sm" fw={500}>
            {field(key)}
          </Text>{' '}
          {value(key, v)}
        </List.Item>
      ))}
    </List>
  );
}
