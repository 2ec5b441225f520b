// Events per day, week or month (GET /series) stacked by QuadClass, a line of the mean Goldstein score
// (right axis, -10 to +10) and a strip of fatalities below; a horizontal brush selects a date range.
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { brushX } from 'd3-brush';
import { max } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { utcDay, utcMonth, utcMonday } from 'd3-time';
import { utcFormat, utcParse } from 'd3-time-format';
import { quadColor } from './colors.js';

const WIDTH = 960;
const HEIGHT = 230;
const M = { top: 10, right: 46, bottom: 22, left: 50 };
const STRIP = 34; // the fatalities strip's height, under the bars
const BARS_BOTTOM = HEIGHT - M.bottom - STRIP - 8;
const parseDay = utcParse('%Y-%m-%d');
const formatDay = utcFormat('%Y-%m-%d');
const INTERVAL = { day: utcDay, week: utcMonday, month: utcMonth };

export function createTimeline(svgElement, { onBrush }) {
  const svg = select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const plot = svg.append('g');
  const strip = svg.append('g').attr('class', 'fatalities');
  const goldstein = svg.append('path').attr('class', 'goldstein');
  const xAxis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${HEIGHT - M.bottom})`);
  const yAxis = svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`);
  const gAxis = svg.append('g').attr('class', 'axis').attr('transform', `translate(${WIDTH - M.right},0)`);
  const yLabel = svg.append('text').attr('class', 'axis-label')
    .attr('transform', `translate(12,${(M.top + BARS_BOTTOM) / 2}) rotate(-90)`).attr('text-anchor', 'middle');
  svg.append('text').attr('class', 'axis-label goldstein-label')
    .attr('transform', `translate(${WIDTH - 8},${(M.top + BARS_BOTTOM) / 2}) rotate(90)`).attr('text-anchor', 'middle')
    .text('mean Goldstein (line)');
  const stripLabel = svg.append('text').attr('class', 'axis-label').attr('x', M.left - 4)
    .attr('y', BARS_BOTTOM + 8 + STRIP / 2).attr('text-anchor', 'end').attr('dy', '0.35em').text('killed');
  const emptyNote = svg.append('text').attr('class', 'empty-note').attr('x', WIDTH / 2).attr('y', HEIGHT / 2)
    .attr('text-anchor', 'middle');
  const brushLayer = svg.append('g').attr('class', 'brush');
  let x = scaleUtc();
  let interval = utcDay;
  let silent = false;

  const brush = brushX().extent([[M.left, M.top], [WIDTH - M.right, HEIGHT - M.bottom]])
    .on('end', (event) => {
      if (silent || !event.sourceEvent) return;
      if (!event.selection) { onBrush(null); return; }
      const [from, to] = event.selection.map((px) => x.invert(px));
      // Whole bins: a bin is in when any part of its bar is.
      onBrush([formatDay(interval.floor(from)), formatDay(utcDay.offset(interval.offset(interval.floor(to), 1), -1))]);
    });
  brushLayer.call(brush);

  return {
    update(series, range) {
      const bins = series.bins.map((b) => ({ ...b, day: parseDay(b.start) })).filter((b) => b.day);
      interval = INTERVAL[series.bin] || utcDay;
      svg.attr('data-bin', series.bin).attr('data-bins', bins.length);
      stripLabel.attr('display', bins.length ? null : 'none');
      if (!bins.length) {
        for (const layer of [plot, strip, xAxis, yAxis, gAxis]) layer.selectAll('*').remove();
        goldstein.attr('d', null);
        yLabel.text('');
        emptyNote.text('No dated events match these filters.');
        return;
      }
      emptyNote.text('');
      const first = interval.offset(bins[0].day, -1);
      const last = interval.offset(bins[bins.length - 1].day, 2);
      x = scaleUtc().domain([first, last]).range([M.left, WIDTH - M.right]);
      const y = scaleLinear().domain([0, max(bins, (b) => b.events)]).nice().range([BARS_BOTTOM, M.top]);
      const g = scaleLinear().domain([-10, 10]).range([BARS_BOTTOM, M.top]);
      const maxKilled = max(bins, (b) => b.fatalities) || 0;
      const k = scaleLinear().domain([0, Math.max(1, maxKilled)]).range([0, STRIP]);
      const barWidth = Math.max(2, (x(interval.offset(first, 1)) - x(first)) * 0.8);
      const stacked = bins.flatMap((b) => {
        let below = 0;
        return [1, 2, 3, 4].map((q) => {
          const n = b.by_quad_class[q] || 0;
          const part = { ...b, quad_class: q, count: n, y0: below, y1: below + n };
          below += n;
          return part;
        }).filter((part) => part.count > 0);
      });
      plot.selectAll('rect').data(stacked).join('rect')
        .attr('class', 'bar').attr('data-date', (d) => d.start).attr('data-quad', (d) => d.quad_class)
        .attr('x', (d) => x(d.day)).attr('width', barWidth)
        .attr('y', (d) => y(d.y1)).attr('height', (d) => y(d.y0) - y(d.y1))
        .attr('fill', (d) => quadColor(d.quad_class))
        .selectAll('title').data((d) => [d]).join('title')
        .text((d) => `${series.bin} of ${d.start}: ${d.count} of ${d.events} events in QuadClass ${d.quad_class}; `
          + `mean Goldstein ${d.goldstein_mean}`);
      const killed = bins.filter((b) => b.fatalities > 0);
      strip.selectAll('rect').data(killed).join('rect')
        .attr('class', 'killed').attr('data-date', (d) => d.start).attr('data-fatalities', (d) => d.fatalities)
        .attr('x', (d) => x(d.day)).attr('width', barWidth)
        .attr('y', (d) => BARS_BOTTOM + 8 + STRIP - k(d.fatalities)).attr('height', (d) => k(d.fatalities))
        .selectAll('title').data((d) => [d]).join('title').text((d) => `${d.start}: ${d.fatalities} killed`);
      const withScore = bins.filter((b) => b.goldstein_mean !== null);
      goldstein.attr('d', line().x((d) => x(d.day) + barWidth / 2).y((d) => g(d.goldstein_mean))(withScore));
      xAxis.call(axisBottom(x).ticks(8));
      yAxis.call(axisLeft(y).ticks(4));
      gAxis.call(axisRight(g).ticks(5));
      yLabel.text(`events per ${series.bin}`);
      // Keep the drawn brush in step with the since/until filter.
      silent = true;
      brushLayer.call(brush.move, range ? [x(parseDay(range[0])), x(utcDay.offset(parseDay(range[1]), 1))] : null);
      silent = false;
    },
  };
}
