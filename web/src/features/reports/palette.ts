/** Series colours, shared by a chart and the dots of its table so each row can be found in the chart. */
export const PALETTE = [
  '#1677ff',
  '#52c41a',
  '#faad14',
  '#f5222d',
  '#13c2c2',
  '#722ed1',
  '#fa8c16',
  '#eb2f96',
  '#2f54eb',
  '#a0d911',
  '#8c8c8c',
  '#597ef7',
  '#bfbfbf',
];

export const colorAt = (i: number) => PALETTE[i % PALETTE.length]!;
