// What a run printed: its writes in order, each with its stream and the stamp of the
// write — the program's clock and the running task, when the runtime's trace supplied
// them. The model behind the output pane (output_view.ts), kept so the pane can be drawn
// again (with or without stamps) and searched for a traceback.

export type Stream = 'stdout' | 'stderr';

export interface Stamp {
  time: number;      // seconds of the program's clock
  taskName: string;  // '' when no task was running
}

export interface Write {
  stream: Stream;
  text: string;
  stamp: Stamp | null;
}

export class OutputLog {
  readonly writes: Write[] = [];

  append(stream: Stream, text: string, stamp: Stamp | null): void {
    if (text !== '') this.writes.push({ stream, text, stamp });
  }

  // Everything written to stderr.
  errorText(): string {
    return this.writes.filter((write) => write.stream === 'stderr').map((write) => write.text).join('');
  }

  clear(): void {
    this.writes.length = 0;
  }
}
