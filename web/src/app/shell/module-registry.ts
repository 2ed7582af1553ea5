import {
  type Icon,
  IconAddressBook,
  IconCalendar,
  IconChecklist,
  IconFolders,
  IconHistory,
  IconHome,
  IconMail,
  IconNotes,
  IconSearch,
  IconSettings,
} from '@tabler/icons-react';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { lazyPage } from '../../i18n/lazy-page';

export interface ModuleDefinition {
  /** The module key the server lists in `me.modules` (contracts/src/navigation.ts). */
  key: string;
  /** Where the module's pages live; its sub-pages sit below it. */
  path: string;
  icon: Icon;
  page: LazyExoticComponent<ComponentType>;
}

// One entry per module the web knows; a key the server sends before its screens ship is
// simply not shown. Labels and descriptions: `modules.<key>.*` in the dictionaries.
// The inbox is among the first screens: its module comes without the other modules' words;
// every other module's page waits for them (i18n/module-dictionaries.ts).
const DEFINITIONS: ModuleDefinition[] = [
  { key: 'home', path: '/', icon: IconHome, page: lazyPage(() => import('../../modules/home/HomePage')) },
  {
    key: 'correspondence',
    path: '/correspondence',
    icon: IconMail,
    page: lazy(() => import('../../modules/correspondence/CorrespondencePage')),
  },
  {
    key: 'directory',
    path: '/directory',
    icon: IconAddressBook,
    page: lazyPage(() => import('../../modules/directory/DirectoryPage')),
  },
  {
    key: 'agenda',
    path: '/agenda',
    icon: IconCalendar,
    page: lazyPage(() => import('../../modules/agenda/AgendaPage')),
  },
  { key: 'cases', path: '/cases', icon: IconFolders, page: lazyPage(() => import('../../modules/cases/CasesPage')) },
  { key: 'notes', path: '/notes', icon: IconNotes, page: lazyPage(() => import('../../modules/notes/NotesPage')) },
  { key: 'tasks', path: '/tasks', icon: IconChecklist, page: lazyPage(() => import('../../modules/tasks/TasksPage')) },
  { key: 'search', path: '/search', icon: IconSearch, page: lazyPage(() => import('../../modules/search/SearchPage')) },
  { key: 'audit', path: '/audit', icon: IconHistory, page: lazyPage(() => import('../../modules/audit/AuditPage')) },
  { key: 'admin', path: '/admin', icon: IconSettings, page: lazyPage(() => import('../../modules/admin/AdminPage')) },
];

export const MODULE_REGISTRY: ReadonlyMap<string, ModuleDefinition> = new Map(DEFINITIONS.map((m) => [m.key, m]));

/** The modules to show, in the server's order, among those this build has screens for. */
export function availableModules(keys: readonly string[]): ModuleDefinition[] {
  return keys.flatMap((key) => {
    const found = MODULE_REGISTRY.get(key);
    return found ? [found] : [];
  });
}
