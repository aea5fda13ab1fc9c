/**
 * Two panes with a draggable, keyboard-resizable separator between them (WAI-ARIA window
 * splitter: role="separator", arrow keys move it, Home/End jump to the limits).
 */
import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';

interface Props {
  direction: 'row' | 'column';
  /** Accessible name of the separator, e.g. "Resize lesson text". */
  label: string;
  /** Size of the first pane in percent. */
  initial: number;
  min?: number;
  max?: number;
  first: ComponentChildren;
  second: ComponentChildren;
  class?: string;
}

const STEP = 5;

export function SplitPane({ direction, label, initial, min = 15, max = 85, first, second, class: className }: Props) {
  const size = useSignal(initial);
  const container = useRef<HTMLDivElement>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));

  const onKeyDown = (event: KeyboardEvent) => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const forward = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    const next = { [back]: size.value - STEP, [forward]: size.value + STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    size.value = clamp(next);
  };

  const onPointerDown = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const move = (moveEvent: PointerEvent) => {
      const box = container.current?.getBoundingClientRect();
      if (!box) return;
      const offset = direction === 'row' ? (moveEvent.clientX - box.left) / box.width : (moveEvent.clientY - box.top) / box.height;
      size.value = clamp(offset * 100);
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
  };

  const template = `minmax(0, ${size.value}fr) auto minmax(0, ${100 - size.value}fr)`;
  return (
    <div
      ref={container}
      class={`split split-${direction} ${className ?? ''}`}
      style={direction === 'row' ? { gridTemplateColumns: template } : { gridTemplateRows: template }}
    >
      <div class="split-pane">{first}</div>
      <div
        class="split-handle"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuenow={size.value}
        aria-valuemin={min}
        aria-valuemax={max}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
      />
      <div class="split-pane">{second}</div>
    </div>
  );
}
