import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/shell/NotFoundPage';
import { TaskListPage } from './TaskListPage';
import { TaskPage } from './TaskPage';

/** The tasks pages below /tasks (module-registry.ts). */
export default function TasksPage() {
  return (
    <Routes>
      <Route index element={<TaskListPage />} />
      <Route path=":id" element={<TaskPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
