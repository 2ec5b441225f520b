// World map from world-atlas (Natural Earth country boundaries, bundled: no tile server), events as
// points coloured by QuadClass, merged into clusters when they would overlap on screen; a point's outline
// says how exact its place is (solid white: a city or site; dashed: a state's or a country's centre).
import { geoContains, geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { interpolateRgb } from 'd3-interpolate';
import { scaleSqrt } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { quadColor } from './colors.js';
import { actorLabel } from './names.js';

export const PRECISION = { exact: 'exact place', admin1: 'state or province centre', country: 'country centre' };

const WIDTH = 960;
const HEIGHT = 480;
const CELL = 26; // screen pixels: points closer than this are shown as one cluster
const MAX_ZOOM = 40;

export function createMap(svgElement, { onEvent, onCluster, onCountry }) {
  const svg = select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const root = svg.append('g');
  const base = root.append('g').attr('class', 'base');
  base.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  base.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()));
  const countryPaths = base.append('g').selectAll('path')
    .data(feature(world, world.objects.countries).features)
    .join('path').attr('class', 'country').attr('d', path)
    .on('click', (event, d) => { if (mode === 'countries' && d.iso3) onCountry(d.iso3); });
  countryPaths.append('title').text((d) => d.properties.name);
  base.append('path').attr('class', 'borders')
    .attr('d', path(mesh(world, world.objects.countries, (a, b) => a !== b)));
  const marks = svg.append('g').attr('class', 'marks');
  const labels = svg.append('g').attr('class', 'labels');

  let points = [];
  let events = [];
  let mode = 'points';
  let transform = zoomIdentity;
  const zoomer = zoom().scaleExtent([1, MAX_ZOOM]).translateExtent([[0, 0], [WIDTH, HEIGHT]])
    .on('zoom', (event) => {
      transform = event.transform;
      root.attr('transform', transform);
      root.selectAll('path').attr('stroke-width', 0.5 / transform.k);
      draw();
    });
  svg.call(zoomer);

  // Greedy clustering in screen space: each point joins the first cluster centre within CELL pixels
  // (looked up through a grid of CELL-sized buckets), else starts a new cluster.
  function clusters() {
    const found = [];
    const buckets = new Map();
    for (const p of points) {
      const [x, y] = transform.apply(p.xy);
      const bx = Math.floor(x / CELL);
      const by = Math.floor(y / CELL);
      let home = null;
      for (let dx = -1; dx <= 1 && !home; dx += 1) {
        for (let dy = -1; dy <= 1 && !home; dy += 1) {
          for (const c of buckets.get(`${bx + dx}:${by + dy}`) || []) {
            if (Math.hypot(c.x - x, c.y - y) <= CELL) { home = c; break; }
          }
        }
      }
      if (!home) {
        home = { events: [], x, y };
        found.push(home);
        const key = `${bx}:${by}`;
        if (!buckets.has(key)) buckets.set(key, []);
        buckets.get(key).push(home);
      }
      home.events.push(p.event);
    }
    return found;
  }

  function dominantQuad(events) {
    const counts = {};
    for (const e of events) counts[e.quad_class] = (counts[e.quad_class] || 0) + 1;
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  }

  function precisionOf(events) {
    const counts = {};
    for (const e of events) counts[e.place_precision || 'exact'] = (counts[e.place_precision || 'exact'] || 0) + 1;
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  }

  function radius(c) {
    return c.events.length > 1 ? 7 + 2.5 * Math.sqrt(c.events.length) : 5;
  }

  function draw() {
    const found = clusters();
    const groups = marks.selectAll('g.mark').data(found, (c) => c.events.map((e) => e.id).join(','))
      .join((enter) => {
        const g = enter.append('g');
        g.append('circle');
        g.append('text').attr('dy', '0.35em');
        g.append('title');
        return g;
      });
    groups.attr('class', (c) => `mark ${c.events.length > 1 ? 'cluster' : 'event'} precision-${precisionOf(c.events)}`)
      .attr('data-count', (c) => c.events.length)
      .attr('data-precision', (c) => precisionOf(c.events))
      .attr('data-id', (c) => (c.events.length === 1 ? c.events[0].id : null))
      .attr('transform', (c) => `translate(${c.x},${c.y})`)
      .on('click', (event, c) => {
        event.stopPropagation();
        if (c.events.length === 1) onEvent(c.events[0].id);
        else {
          onCluster(c.events);
          zoomTowards(c);
        }
      });
    // Bigger clusters drawn last, on top of the small ones they would otherwise hide.
    groups.sort((a, b) => a.events.length - b.events.length);
    groups.select('circle')
      .attr('r', radius)
      .attr('fill', (c) => quadColor(Number(dominantQuad(c.events))))
      .attr('stroke', (c) => (precisionOf(c.events) === 'exact' ? '#fff' : quadColor(Number(dominantQuad(c.events)))));
    groups.select('text').text((c) => (c.events.length > 1 ? c.events.length : ''));
    groups.select('title').text((c) => (c.events.length > 1
      ? `${c.events.length} events (${[...new Set(c.events.map((e) => e.place_name))].slice(0, 4).join(', ')})`
      : `${label(c.events[0])} (${PRECISION[c.events[0].place_precision] || 'place'})`));
    drawLabels(found);
  }

  // Place names beside the marks, the biggest clusters first; a label that would cover another label or
  // a mark is left out (the mark's tooltip still names it).
  function drawLabels(found) {
    const kept = [];
    const boxes = found.map((c) => ({ x0: c.x - radius(c), x1: c.x + radius(c), y0: c.y - radius(c), y1: c.y + radius(c) }));
    const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    for (const c of [...found].sort((a, b) => b.events.length - a.events.length)) {
      const names = [...new Set(c.events.map((e) => e.place_name).filter(Boolean))];
      if (!names.length) continue;
      const text = names.length > 1 ? `${names[0]} +${names.length - 1}` : names[0];
      const box = { x0: c.x + radius(c) + 2, y0: c.y - 7, text };
      box.x1 = box.x0 + text.length * 6.2;
      box.y1 = box.y0 + 14;
      if (box.x1 > WIDTH || kept.some((k) => overlaps(box, k)) || boxes.some((b) => overlaps(box, b))) continue;
      kept.push(box);
    }
    labels.selectAll('text').data(kept).join('text').attr('class', 'place-label')
      .attr('x', (b) => b.x0).attr('y', (b) => b.y0 + 7).attr('dy', '0.35em').text((b) => b.text);
  }

  // Frame the events: zoom to their extent, never closer than a region.
  function fit() {
    if (!points.length) { svg.call(zoomer.transform, zoomIdentity); return; }
    const xs = points.map((p) => p.xy[0]);
    const ys = points.map((p) => p.xy[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.max(1, Math.min(6, 0.8 / Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT, 1e-6)));
    svg.call(zoomer.transform, zoomIdentity.translate(WIDTH / 2 - k * (x0 + x1) / 2, HEIGHT / 2 - k * (y0 + y1) / 2)
      .scale(k));
  }

  // Zoom in on a cluster when its events are at different places; same-place events stay listed.
  function zoomTowards(cluster) {
    const places = new Set(cluster.events.map((e) => `${e.lat},${e.lon}`));
    if (places.size < 2 || transform.k >= MAX_ZOOM) return;
    const k = Math.min(MAX_ZOOM, transform.k * 4);
    const [gx, gy] = transform.invert([cluster.x, cluster.y]);
    svg.transition().duration(400).call(zoomer.transform,
      zoomIdentity.translate(WIDTH / 2 - gx * k, HEIGHT / 2 - gy * k).scale(k));
  }

  // Country mode: each country shaded by its number of matching events (by the place's country code).
  function shade() {
    const counts = new Map();
    for (const e of events) if (e.place_country) counts.set(e.place_country, (counts.get(e.place_country) || 0) + 1);
    const most = Math.max(1, ...counts.values());
    const colour = scaleSqrt().domain([0, most]).range([0, 1]);
    const ramp = interpolateRgb('#e4edf6', '#0b3c78');
    countryPaths.attr('data-count', (d) => (mode === 'countries' && d.iso3 ? counts.get(d.iso3) || 0 : null))
      .style('fill', (d) => (mode === 'countries' && counts.get(d.iso3) ? ramp(colour(counts.get(d.iso3))) : null))
      .classed('pickable', mode === 'countries')
      .select('title').text((d) => (mode === 'countries'
        ? `${d.properties.name}: ${counts.get(d.iso3) || 0} events` : d.properties.name));
    marks.attr('display', mode === 'countries' ? 'none' : null);
    labels.attr('display', mode === 'countries' ? 'none' : null);
    svg.attr('data-mode', mode).attr('data-most', most);
    return most;
  }

  return {
    update(matching) {
      events = matching;
      points = events.filter((e) => e.lat !== null && e.lon !== null)
        .map((e) => ({ event: e, xy: projection([e.lon, e.lat]) }));
      fit();
      return shade();
    },
    setMode(next) {
      mode = next;
      return shade();
    },
    // Which shape is which country: by name first, else the shape that holds the country's centre point.
    setCountries(countries) {
      const byName = new Map(countries.map((c) => [c.name.toLowerCase(), c.code]));
      const shapes = countryPaths.data();
      for (const d of shapes) d.iso3 = byName.get((d.properties.name || '').toLowerCase()) || null;
      const taken = new Set(shapes.map((d) => d.iso3).filter(Boolean));
      for (const c of countries) {
        if (taken.has(c.code) || c.lat === null || c.lon === null) continue;
        const home = shapes.find((d) => !d.iso3 && geoContains(d, [c.lon, c.lat]));
        if (home) { home.iso3 = c.code; taken.add(c.code); }
      }
      countryPaths.attr('data-iso3', (d) => d.iso3);
    },
  };
}

export function label(e) {
  return `${e.date || 'undated'} ${actorLabel(e.source_code, e.source_name)} ${e.cameo} ${e.cameo_name || ''} ${e.target_code ? e.target_code : (e.target_name || '')}`
    + (e.place_name ? ` @ ${e.place_name}` : '');
}
