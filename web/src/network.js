// The top N actors (GET /rankings/actors) as nodes sized by events, the events between two of them as
// edges weighted by count and coloured by QuadClass balance (green cooperation, red conflict). The layout
// is computed to rest before drawing, and a label is drawn only where it collides with no other label.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { select } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { interpolateRgb } from 'd3-interpolate';
import { COOPERATION, CONFLICT } from './colors.js';

const WIDTH = 480;
const HEIGHT = 440;
const CHAR = 8.6; // px per character of an 11px upper-case label, as wide as its widest letters (M, W): labels stay apart
const LINE = 13;

export function buildGraph(actors, events) {
  const nodes = actors.map((a) => ({ id: a.code, name: a.name, events: a.events }));
  const known = new Set(nodes.map((n) => n.id));
  const links = new Map();
  for (const e of events) {
    const [s, t] = [e.source_code, e.target_code];
    if (!known.has(s) || !known.has(t) || s === t) continue;
    const key = [s, t].sort().join('|');
    if (!links.has(key)) links.set(key, { source: s, target: t, events: 0, cooperation: 0, conflict: 0 });
    const link = links.get(key);
    link.events += 1;
    if (e.quad_class <= 2) link.cooperation += 1; else link.conflict += 1;
  }
  return { nodes, links: [...links.values()] };
}

// Greedy: biggest nodes first, each label tried right, left, above, below its node; kept if it overlaps
// no label kept before and no other node's circle.
export function placeLabels(nodes, radius) {
  const kept = [];
  const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  for (const d of [...nodes].sort((a, b) => b.events - a.events)) {
    const w = d.id.length * CHAR;
    const r = radius(d) + 2;
    const options = [
      { x0: d.x + r, y0: d.y - LINE / 2, anchor: 'start', tx: r, ty: 0 },
      { x0: d.x - r - w, y0: d.y - LINE / 2, anchor: 'end', tx: -r, ty: 0 },
      { x0: d.x - w / 2, y0: d.y - r - LINE, anchor: 'middle', tx: 0, ty: -r - LINE / 2 },
      { x0: d.x - w / 2, y0: d.y + r, anchor: 'middle', tx: 0, ty: r + LINE / 2 },
    ].map((o) => ({ ...o, x1: o.x0 + w, y1: o.y0 + LINE }));
    const fits = options.find((o) => o.x0 >= 0 && o.x1 <= WIDTH && o.y0 >= 0 && o.y1 <= HEIGHT
      && !kept.some((k) => overlaps(o, k))
      && !nodes.some((n) => n !== d && overlaps(o, { x0: n.x - radius(n), x1: n.x + radius(n),
        y0: n.y - radius(n), y1: n.y + radius(n) })));
    d.label = fits || null;
    if (fits) kept.push(fits);
  }
}

export function createNetwork(svgElement, { onActor }) {
  const svg = select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const linkLayer = svg.append('g').attr('class', 'links');
  const nodeLayer = svg.append('g').attr('class', 'nodes');
  const emptyNote = svg.append('text').attr('class', 'empty-note').attr('x', WIDTH / 2).attr('y', HEIGHT / 2)
    .attr('text-anchor', 'middle');

  return {
    update(actors, events) {
      const { nodes, links } = buildGraph(actors, events);
      svg.attr('data-nodes', nodes.length).attr('data-links', links.length);
      emptyNote.text(nodes.length ? '' : 'No coded actors match these filters.');
      const size = scaleLinear().domain([1, Math.max(1, ...nodes.map((n) => n.events))]).range([5, 18]);
      const radius = (d) => size(d.events);
      const simulation = forceSimulation(nodes)
        .force('link', forceLink(links).id((d) => d.id).distance(70))
        .force('charge', forceManyBody().strength(-260))
        .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
        .force('x', forceX(WIDTH / 2).strength(0.07))
        .force('y', forceY(HEIGHT / 2).strength(0.09))
        .force('collide', forceCollide((d) => radius(d) + 4 + d.id.length * CHAR * 0.45))
        .stop();
      for (let i = 0; i < 300; i += 1) {
        simulation.tick();
        for (const d of nodes) {
          d.x = Math.max(20, Math.min(WIDTH - 20, d.x));
          d.y = Math.max(20, Math.min(HEIGHT - 20, d.y));
        }
      }
      placeLabels(nodes, radius);
      const balance = interpolateRgb(CONFLICT, COOPERATION);
      const line = linkLayer.selectAll('line').data(links).join('line')
        .attr('class', (d) => (d.cooperation >= d.conflict ? 'link cooperation' : 'link conflict'))
        .attr('stroke', (d) => balance(d.cooperation / d.events))
        .attr('stroke-width', (d) => 1 + 1.5 * Math.sqrt(d.events))
        .attr('x1', (d) => d.source.x).attr('y1', (d) => d.source.y)
        .attr('x2', (d) => d.target.x).attr('y2', (d) => d.target.y);
      line.selectAll('title').data((d) => [d]).join('title')
        .text((d) => `${d.source.id} – ${d.target.id}: ${d.events} events (${d.cooperation} cooperation, `
          + `${d.conflict} conflict)`);
      const node = nodeLayer.selectAll('g.node').data(nodes, (d) => d.id).join((enter) => {
        const g = enter.append('g').attr('class', 'node').attr('tabindex', '0').attr('role', 'button');
        g.append('circle');
        g.append('text');
        g.append('title');
        return g;
      });
      node.attr('data-code', (d) => d.id).attr('aria-label', (d) => `filter to ${d.id} ${d.name || ''}`)
        .attr('transform', (d) => `translate(${d.x},${d.y})`)
        .on('click', (event, d) => onActor(d.id))
        .on('keydown', (event, d) => { if (event.key === 'Enter') onActor(d.id); });
      node.select('circle').attr('r', radius);
      node.select('text').text((d) => (d.label ? d.id : ''))
        .attr('class', (d) => (d.label ? 'label' : 'label hidden'))
        .attr('x', (d) => (d.label ? d.label.tx : 0)).attr('y', (d) => (d.label ? d.label.ty : 0))
        .attr('dy', '0.35em').attr('text-anchor', (d) => (d.label ? d.label.anchor : 'start'));
      node.select('title').text((d) => `${d.id} ${d.name || ''}: ${d.events} events`);
    },
  };
}
