import type { TEvent } from '@dircab/contracts';
import { type PointerEvent as ReactPointerEvent, type RefObject, useEffect, useRef, useState } from 'react';

export interface DragState {
  event: TEvent;
  /** Whole days the pointer has travelled across the columns. */
  dayDelta: number;
  /** Minutes, by quarters of an hour. */
  minuteDelta: number;
}

interface Options {
  /** The columns' area (without the hour gutter). */
  columnsRef: RefObject<HTMLElement | null>;
  dayCount: number;
  pxPerMinute: number;
  onDrop: (event: TEvent, dayDelta: number, minuteDelta: number) => void;
}

const SNAP = 15;
// Below this the pointer only clicked: the event opens.
const THRESHOLD = 4;

interface Origin {
  x: number;
  y: number;
  dayIndex: number;
  moved: boolean;
}

/**
 * Moves an event with the pointer in the day and week grids: vertical by quarters of an hour,
 * horizontal by days. The move dialog is the keyboard's way to do the same.
 */
export function useDragMove(options: Options) {
  const [active, setActive] = useState<TEvent | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const origin = useRef<Origin | null>(null);
  /** Set when a drag ends, so the click that follows it does not open the event. */
  const justDragged = useRef(false);
  // The latest layout and callback, read by the listeners of the drag under way.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (!active) return;
    const deltas = (clientX: number, clientY: number, o: Origin): DragState => {
      const { columnsRef, dayCount, pxPerMinute } = latest.current;
      const rect = columnsRef.current?.getBoundingClientRect();
      const minuteDelta = Math.round((clientY - o.y) / pxPerMinute / SNAP) * SNAP;
      if (!rect || rect.width === 0) return { event: active, dayDelta: 0, minuteDelta };
      const dayWidth = rect.width / dayCount;
      const targetDay = Math.min(dayCount - 1, Math.max(0, Math.floor((clientX - rect.left) / dayWidth)));
      return { event: active, dayDelta: targetDay - o.dayIndex, minuteDelta };
    };
    const move = (e: PointerEvent) => {
      const o = origin.current;
      if (!o) return;
      if (!o.moved && Math.hypot(e.clientX - o.x, e.clientY - o.y) < THRESHOLD) return;
      o.moved = true;
      setDrag(deltas(e.clientX, e.clientY, o));
    };
    const end = (e: PointerEvent | null) => {
      const o = origin.current;
      origin.current = null;
      setActive(null);
      setDrag(null);
      if (!e || !o?.moved) return;
      justDragged.current = true;
      setTimeout(() => {
        justDragged.current = false;
      }, 0);
      const d = deltas(e.clientX, e.clientY, o);
      if (d.dayDelta !== 0 || d.minuteDelta !== 0) latest.current.onDrop(active, d.dayDelta, d.minuteDelta);
    };
    const up = (e: PointerEvent) => end(e);
    const cancel = () => end(null);
    // Escape puts the event back where it was, as in every calendar.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      end(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', onKey);
    };
  }, [active]);

  /** The pointer-down handler of an event in day `dayIndex` of the grid. */
  const start = (event: TEvent, dayIndex: number) => (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0 || !event.policies.move) return;
    // Keeps the page from selecting text while the event follows the pointer.
    e.preventDefault();
    origin.current = { x: e.clientX, y: e.clientY, dayIndex, moved: false };
    setActive(event);
  };

  return { drag, start, justDragged };
}
