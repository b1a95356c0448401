'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export const STATUS_KEYS = ['present', 'late', 'partial', 'absent'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

/** Distinct at 3:1 or better against white, and not told apart by hue alone: the legend and the table name them. */
export const STATUS_COLORS: Record<StatusKey, string> = {
  present: '#1b7f5a',
  late: '#8a6100',
  partial: '#c2570c',
  absent: '#b3261e',
};

export type StatusDatum = { label: string } & Record<StatusKey, number>;

/**
 * Stacked bars of attendance counts per status, with the same figures in a
 * table for screen readers (a chart alone is not accessible). In right-to-left
 * pages the category axis runs from the right and the value axis sits there.
 */
export function StatusBarChart({
  data,
  statusLabels,
  caption,
  labelHeader,
  rtl,
  layout = 'horizontal',
  height = 260,
  testId,
}: {
  data: StatusDatum[];
  statusLabels: Record<StatusKey, string>;
  caption: string;
  labelHeader: string;
  rtl: boolean;
  layout?: 'horizontal' | 'vertical';
  height?: number;
  testId?: string;
}) {
  const vertical = layout === 'vertical';
  const chartHeight = vertical ? Math.max(height, 48 + data.length * 36) : height;
  return (
    <figure className="m-0 min-w-0" data-testid={testId}>
      <figcaption className="mb-2 font-semibold">{caption}</figcaption>
      {/* SVG text anchors follow the page's direction; the axes are mirrored by hand, so the drawing itself stays left to right. */}
      <div aria-hidden="true" className="chart-drawing">
        <BarChart
          responsive
          style={{ width: '100%', height: chartHeight }}
          data={data}
          layout={vertical ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} reversed={rtl} />
              <YAxis type="category" dataKey="label" width={140} orientation={rtl ? 'right' : 'left'} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" reversed={rtl} />
              <YAxis allowDecimals={false} orientation={rtl ? 'right' : 'left'} />
            </>
          )}
          <Tooltip />
          <Legend />
          {STATUS_KEYS.map((key) => (
            <Bar key={key} dataKey={key} name={statusLabels[key]} stackId="status" fill={STATUS_COLORS[key]} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {STATUS_KEYS.map((key) => (
              <th key={key} scope="col">
                {statusLabels[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              {STATUS_KEYS.map((key) => (
                <td key={key}>{d[key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
