'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { MISTAKE_KINDS, type MistakeKind } from '@/shared/quran/mistakes';

/** Distinct at 3:1 or better against white, with different dash patterns so hue is not the only cue. */
const COLORS: Record<MistakeKind, string> = { memorisation: '#b3261e', tajweed: '#1d4ed8', pronunciation: '#8a6100' };
const DASH: Record<MistakeKind, string | undefined> = { memorisation: undefined, tajweed: '6 3', pronunciation: '2 3' };

export type MistakesDatum = { label: string } & Record<MistakeKind, number>;

/** Mistakes per recitation over time, one line per kind, with the same figures in a table for screen readers. */
export function MistakesChart({ data, labels, caption, labelHeader, rtl }: { data: MistakesDatum[]; labels: Record<MistakeKind, string>; caption: string; labelHeader: string; rtl: boolean }) {
  return (
    <figure className="m-0 min-w-0" data-testid="mistakes-chart">
      <figcaption className="mb-2 font-semibold">{caption}</figcaption>
      <div aria-hidden="true" className="chart-drawing">
        <LineChart responsive style={{ width: '100%', height: 260 }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" reversed={rtl} />
          <YAxis allowDecimals={false} orientation={rtl ? 'right' : 'left'} />
          <Tooltip />
          <Legend />
          {MISTAKE_KINDS.map((k) => (
            <Line key={k} type="monotone" dataKey={k} name={labels[k]} stroke={COLORS[k]} strokeDasharray={DASH[k]} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {MISTAKE_KINDS.map((k) => (
              <th key={k} scope="col">
                {labels[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={i}>
              <th scope="row">{d.label}</th>
              {MISTAKE_KINDS.map((k) => (
                <td key={k}>{d[k]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
