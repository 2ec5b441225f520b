// Events per day stacked by QuadClass; a horizontal brush selects a range of days.
import { axisBottom, axisLeft } from 'd3-axis';
import { brushX } from 'd3-brush';
import { max } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { utcDay } from 'd3-time';
import { utcFormat, utcParse } from 'd3-time-format';
import { quadColor } from './colors.js';

const WIDTH = 960;
const HEIGHT = 150;
const M = { top: 8, right: 12, bottom: 22, left: 32 };
const parseDay = utcParse('%Y-%m-%d');
const formatDay = utcFormat('%Y-%m-%d');

export function createTimeline(svgElement, { onBrush }) {
  const svg = select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const plot = svg.append('g');
  const xAxis = svg.append('g').attr('transform', `translate(0,${HEIGHT - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const brushLayer = svg.append('g').attr('class', 'brush');
  let x = scaleUtc();
  let silent = false;

  const brush = brushX().extent([[M.left, M.top], [WIDTH - M.right, HEIGHT - M.bottom]])
    .on('end', (event) => {
      if (silent || !event.sourceEvent) return;
      if (!event.selection) { onBrush(null); return; }
      const [from, to] = event.selection.map((px) => x.invert(px));
      // Whole days: a day is in when any part of its bar is.
      onBrush([formatDay(utcDay.floor(from)), formatDay(utcDay.floor(to))]);
    });
  brushLayer.call(brush);

  return {
    update(byDay, range) {
      const days = byDay.map((d) => ({ ...d, day: parseDay(d.date) })).filter((d) => d.day);
      svg.attr('data-days', new Set(days.map((d) => d.date)).size);
      if (!days.length) {
        plot.selectAll('*').remove();
        xAxis.selectAll('*').remove();
        return;
      }
      const first = utcDay.offset(days.reduce((a, d) => (d.day < a ? d.day : a), days[0].day), -1);
      const last = utcDay.offset(days.reduce((a, d) => (d.day > a ? d.day : a), days[0].day), 2);
      x = scaleUtc().domain([first, last]).range([M.left, WIDTH - M.right]);
      const totals = new Map();
      const stacked = [...days].sort((a, b) => a.date.localeCompare(b.date) || a.quad_class - b.quad_class)
        .map((d) => {
          const below = totals.get(d.date) || 0;
          totals.set(d.date, below + d.count);
          return { ...d, y0: below, y1: below + d.count };
        });
      const y = scaleLinear().domain([0, max([...totals.values()])]).nice().range([HEIGHT - M.bottom, M.top]);
      const barWidth = Math.max(2, (x(utcDay.offset(first, 1)) - x(first)) * 0.8);
      plot.selectAll('rect').data(stacked).join('rect')
        .attr('class', 'bar').attr('data-date', (d) => d.date)
        .attr('x', (d) => x(d.day)).attr('width', barWidth)
        .attr('y', (d) => y(d.y1)).attr('height', (d) => y(d.y0) - y(d.y1))
        .attr('fill', (d) => quadColor(d.quad_class))
        .selectAll('title').data((d) => [d]).join('title')
        .text((d) => `${d.date}: ${d.count} events, QuadClass ${d.quad_class}`);
      xAxis.call(axisBottom(x).ticks(8));
      yAxis.call(axisLeft(y).ticks(4));
      // Keep the drawn brush in step with the since/until filter.
      silent = true;
      brushLayer.call(brush.move, range ? [x(parseDay(range[0])), x(utcDay.offset(parseDay(range[1]), 1))] : null);
      silent = false;
    },
  };
}
