// Actors as nodes, events between two actors as weighted edges, green when the pair mostly
// cooperates (QuadClass 1-2), red when it mostly fights (3-4).
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { select } from 'd3-selection';
import { drag } from 'd3-drag';
import { COOPERATION, CONFLICT } from './colors.js';

const WIDTH = 480;
const HEIGHT = 420;

export function buildGraph(events) {
  const nodes = new Map();
  const links = new Map();
  for (const e of events) {
    if (!e.source_code || !e.target_code || e.source_code === e.target_code) continue;
    for (const [code, name] of [[e.source_code, e.source_name], [e.target_code, e.target_name]]) {
      if (!nodes.has(code)) nodes.set(code, { id: code, name, events: 0 });
      nodes.get(code).events += 1;
    }
    const key = [e.source_code, e.target_code].sort().join('|');
    if (!links.has(key)) {
      links.set(key, { source: e.source_code, target: e.target_code, events: 0, cooperation: 0, conflict: 0 });
    }
    const link = links.get(key);
    link.events += 1;
    if (e.quad_class <= 2) link.cooperation += 1; else link.conflict += 1;
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}

export function createNetwork(svgElement, { onActor }) {
  const svg = select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const linkLayer = svg.append('g').attr('class', 'links');
  const nodeLayer = svg.append('g').attr('class', 'nodes');
  let simulation = null;

  return {
    update(events) {
      if (simulation) simulation.stop();
      const { nodes, links } = buildGraph(events);
      svg.attr('data-nodes', nodes.length).attr('data-links', links.length);
      const line = linkLayer.selectAll('line').data(links).join('line')
        .attr('class', (d) => (d.cooperation >= d.conflict ? 'link cooperation' : 'link conflict'))
        .attr('stroke', (d) => (d.cooperation >= d.conflict ? COOPERATION : CONFLICT))
        .attr('stroke-width', (d) => 1 + 2 * Math.sqrt(d.events));
      line.selectAll('title').data((d) => [d]).join('title')
        .text((d) => `${d.source.id || d.source} – ${d.target.id || d.target}: ${d.events} events `
          + `(${d.cooperation} cooperation, ${d.conflict} conflict)`);
      const node = nodeLayer.selectAll('g.node').data(nodes, (d) => d.id).join((enter) => {
        const g = enter.append('g').attr('class', 'node');
        g.append('circle');
        g.append('text').attr('dx', 8).attr('dy', '0.35em');
        g.append('title');
        return g;
      });
      node.attr('data-code', (d) => d.id).on('click', (event, d) => onActor(d.id));
      node.select('circle').attr('r', (d) => 4 + 2 * Math.sqrt(d.events));
      node.select('text').text((d) => d.id);
      node.select('title').text((d) => `${d.id} ${d.name || ''}: ${d.events} events with other actors`);
      simulation = forceSimulation(nodes)
        .force('link', forceLink(links).id((d) => d.id).distance(60))
        .force('charge', forceManyBody().strength(-120))
        .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
        .force('x', forceX(WIDTH / 2).strength(0.06))
        .force('y', forceY(HEIGHT / 2).strength(0.08))
        .force('collide', forceCollide(14))
        .on('tick', () => {
          for (const d of nodes) {
            d.x = Math.max(10, Math.min(WIDTH - 40, d.x));
            d.y = Math.max(10, Math.min(HEIGHT - 10, d.y));
          }
          line.attr('x1', (d) => d.source.x).attr('y1', (d) => d.source.y)
            .attr('x2', (d) => d.target.x).attr('y2', (d) => d.target.y);
          node.attr('transform', (d) => `translate(${d.x},${d.y})`);
        });
      node.call(drag()
        .on('start', (event, d) => { if (!event.active) simulation.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
        .on('drag', (event, d) => { d.fx = event.x; d.fy = event.y; })
        .on('end', (event, d) => { if (!event.active) simulation.alphaTarget(0); d.fx = null; d.fy = null; }));
    },
  };
}
