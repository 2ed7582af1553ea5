import { useEffect, useRef } from 'react';

export interface InboxKeyHandlers {
  next: () => void;
  previous: () => void;
  open: () => void;
  route: () => void;
  accept: () => void;
  tag: () => void;
  toggleSelection: () => void;
  search: () => void;
  help: () => void;
}

/** The keys of the inbox and what each does (the shortcuts modal lists them in this order). */
export const INBOX_SHORTCUTS: {
  keys: string[];
  action: keyof InboxKeyHandlers;
  /** The label's key when it is not `correspondence.shortcuts.actions.<action>`. */
  labelKey?: string;
}[] = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['Entrée'], action: 'open' },
  { keys: ['i'], action: 'route' },
  { keys: ['a'], action: 'accept' },
  { keys: ['t'], action: 'tag', labelKey: 'correspondenceTags.shortcut' },
  { keys: ['x'], action: 'toggleSelection' },
  { keys: ['/'], action: 'search' },
  { keys: ['?'], action: 'help' },
];

const KEYS: Record<string, keyof InboxKeyHandlers> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Enter: 'open',
  i: 'route',
  a: 'accept',
  t: 'tag',
  x: 'toggleSelection',
  '/': 'search',
  '?': 'help',
};

const TYPING_INPUTS = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'number',
  'password',
  'date',
  'datetime-local',
]);

/** Whether the key belongs to what has the focus: a field being typed in, a menu, a button. */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    // A checkbox keeps its space bar; the letters still drive the inbox from it.
    if (TYPING_INPUTS.has(type)) return true;
  }
  if (target.closest('[role="dialog"], [role="listbox"], [role="menu"], [role="combobox"]')) return true;
  // Enter on a link or a button is theirs (the browser follows the link).
  return key === 'Enter' && (tag === 'A' || tag === 'BUTTON' || tag === 'INPUT');
}

/**
 * The inbox's keyboard triage, on the whole page while `enabled` (no dialog open). Keys typed
 * in a field, or with Ctrl, Alt or ⌘, are left alone.
 */
export function useInboxKeys(enabled: boolean, handlers: InboxKeyHandlers): void {
  // The latest handlers without re-subscribing on every render.
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = KEYS[event.key];
      if (!action || keyBelongsToTarget(event.target, event.key)) return;
      event.preventDefault();
      ref.current[action]();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
