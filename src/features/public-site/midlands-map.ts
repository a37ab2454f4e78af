/**
 * The map of the West and East Midlands on the public page /midlands, as a pure view model.
 *
 * A Nunjucks template turns the view into inline SVG, so the map needs no tile server, no
 * script and no network: it works offline and is part of the page's HTML. The outlines are
 * simplified so that the whole map stays a few kilobytes.
 */

export type MapMarkerKind = 'city' | 'university' | 'nhs-trust' | 'nihr-brc';

export interface MapMarker {
  key: string;
  label: string;
  kind: MapMarkerKind;
  latitude: number;
  longitude: number;
}

/** A region or sub-region: an SVG path plus a point to centre its name on (text-anchor middle). */
export interface MapArea {
  key: string;
  name: string;
  path: string;
  labelX: number;
  labelY: number;
}

/** A marker placed on the map; labelX/labelY is the label's baseline anchor point. */
export type PlacedMapMarker = MapMarker & {
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  textAnchor: 'start' | 'end';
};

export interface MidlandsMapView {
  /** Size of the SVG viewBox ("0 0 width height"). */
  width: number;
  height: number;
  regions: MapArea[];
  subregions: MapArea[];
  markers: PlacedMapMarker[];
}

/** Font sizes the label placement assumes; the template should draw text at these sizes. */
export const MAP_LABEL_FONT_SIZE_PX = 12;
export const MAP_AREA_LABEL_FONT_SIZE_PX = 14;

/** [longitude, latitude] in WGS84 degrees, the order GeoJSON uses. */
type LonLat = readonly [longitude: number, latitude: number];

type BoundaryPieceName =
  | 'westEastSouth'
  | 'westEastNorth'
  | 'eastMidlandsSouthAndEast'
  | 'lincolnshireCoast'
  | 'eastMidlandsNorth'
  | 'derbyshireNorthWest'
  | 'westMidlandsNorth'
  | 'welshBorderAndSouthWest'
  | 'warwickshireSouth'
  | 'warwickshireWest';

/**
 * The outlines, cut into pieces at the points where three boundaries meet, so that a border
 * two areas share is stored once and both outlines use exactly the same points (no gap, no
 * overlap).
 *
 * Source: the English European Electoral Regions (identical to the ONS regions E12000004 East
 * Midlands and E12000005 West Midlands) in martinjc/UK-GeoJSON (json/electoral/eng/topo_eer.json,
 * derived from ONS boundaries, Open Government Licence), decoded and simplified with
 * Douglas-Peucker (tolerance about 3 km). Traced by hand from well-known places, because the
 * land boundaries were not at hand or the data follows tidal channels: the Lincolnshire coast and
 * the Wash, the borders with Cheshire and Greater Manchester, and the inner edge of Warwickshire
 * and Coventry (against Staffordshire, Birmingham, Solihull and Worcestershire).
 * Places where pieces meet: Warwickshire/Northamptonshire/Oxfordshire (-1.332, 52.169), the A5
 * near No Man's Heath (-1.634, 52.702), Three Shires Head (-1.987, 53.214), Black Hill
 * (-1.909, 53.538), the coast at Tetney (0.018, 53.525), the Nene outfall (0.215, 52.824),
 * Grindley Brook near Whitchurch (-2.727, 52.983) and the Warwickshire/Worcestershire/
 * Gloucestershire meeting point near Long Marston (-1.768, 52.113). Prettier is told to leave
 * the points five to a line.
 */
// prettier-ignore
const boundaryPieces: Readonly<Record<BoundaryPieceName, readonly LonLat[]>> = {
  // West/East Midlands border, Warwickshire against Northamptonshire and Leicestershire.
  // Warwickshire/Northamptonshire/Oxfordshire -> No Man's Heath.
  westEastSouth: [
    [-1.332, 52.169], [-1.216, 52.264], [-1.262, 52.334], [-1.172, 52.361], [-1.305, 52.493],
    [-1.561, 52.596], [-1.552, 52.669], [-1.634, 52.702],
  ],
  // West/East Midlands border, Staffordshire against Leicestershire and Derbyshire (the Dove).
  // No Man's Heath -> Three Shires Head.
  westEastNorth: [
    [-1.634, 52.702], [-1.697, 52.753], [-1.585, 52.832], [-1.833, 52.887], [-1.855, 52.931],
    [-1.758, 53.017], [-1.786, 53.107], [-1.839, 53.177], [-1.987, 53.214],
  ],
  // Northamptonshire, Rutland and Lincolnshire against the South East and the East of England.
  // Warwickshire/Northamptonshire/Oxfordshire -> the Nene outfall.
  eastMidlandsSouthAndEast: [
    [-1.332, 52.169], [-1.248, 52.097], [-1.321, 52.088], [-1.283, 51.98], [-1.134, 51.997],
    [-1.042, 52.074], [-0.952, 52.082], [-0.88, 52.029], [-0.832, 52.072], [-0.881, 52.126],
    [-0.668, 52.195], [-0.653, 52.269], [-0.54, 52.257], [-0.465, 52.323], [-0.495, 52.382],
    [-0.362, 52.433], [-0.352, 52.503], [-0.415, 52.579], [-0.498, 52.587], [-0.495, 52.64],
    [-0.336, 52.675], [0.022, 52.665], [0.064, 52.728], [0.172, 52.738], [0.215, 52.824],
  ],
  // The Wash and the Lincolnshire coast, the Nene outfall -> Tetney.
  lincolnshireCoast: [
    [0.215, 52.824], [0.17, 52.845], [0.03, 52.885], [0.05, 52.94], [0.12, 52.99],
    [0.33, 53.1], [0.35, 53.19], [0.34, 53.225], [0.285, 53.31], [0.15, 53.475],
    [0.018, 53.525],
  ],
  // Against Yorkshire and the Humber (North and North East Lincolnshire, South Yorkshire),
  // Tetney -> Black Hill; the Trent near Gainsborough is crossed in one step.
  eastMidlandsNorth: [
    [0.018, 53.525], [-0.065, 53.519], [-0.132, 53.436], [-0.211, 53.486], [-0.192, 53.569],
    [-0.301, 53.617], [-0.336, 53.558], [-0.491, 53.546], [-0.405, 53.517], [-0.505, 53.468],
    [-0.63, 53.459], [-0.625, 53.513], [-0.738, 53.52], [-0.798, 53.456], [-0.916, 53.46],
    [-0.936, 53.502], [-1.254, 53.301], [-1.409, 53.342], [-1.628, 53.316], [-1.59, 53.346],
    [-1.746, 53.426], [-1.8, 53.511], [-1.909, 53.538],
  ],
  // Derbyshire against Greater Manchester and Cheshire, Black Hill -> Three Shires Head.
  derbyshireNorthWest: [
    [-1.909, 53.538], [-1.985, 53.46], [-2.03, 53.375], [-1.995, 53.315], [-2.015, 53.245],
    [-1.987, 53.214],
  ],
  // Staffordshire and Shropshire against Cheshire, Three Shires Head -> Grindley Brook.
  westMidlandsNorth: [
    [-1.987, 53.214], [-2.12, 53.175], [-2.17, 53.15], [-2.21, 53.115], [-2.26, 53.095],
    [-2.34, 53.03], [-2.5, 52.965], [-2.68, 52.995], [-2.727, 52.983],
  ],
  // Shropshire and Herefordshire against Wales, then Herefordshire and Worcestershire against
  // Gloucestershire, Grindley Brook -> Long Marston.
  welshBorderAndSouthWest: [
    [-2.727, 52.983], [-2.728, 52.925], [-2.8, 52.895], [-2.975, 52.969], [-3.1, 52.928],
    [-3.163, 52.848], [-3.159, 52.794], [-2.962, 52.726], [-3.021, 52.725], [-3.139, 52.586],
    [-3.133, 52.527], [-3.014, 52.575], [-3.002, 52.522], [-3.236, 52.444], [-3.066, 52.35],
    [-2.955, 52.349], [-3.012, 52.279], [-2.949, 52.27], [-3.073, 52.236], [-3.123, 52.163],
    [-3.073, 52.156], [-3.142, 52.13], [-3.008, 51.927], [-2.88, 51.934], [-2.651, 51.826],
    [-2.439, 51.897], [-2.501, 51.96], [-2.474, 52.024], [-2.423, 51.994], [-2.351, 52.021],
    [-2.3, 51.967], [-2.165, 51.996], [-2.165, 52.05], [-2.142, 52.0], [-1.913, 52.044],
    [-1.839, 52.007], [-1.874, 52.07], [-1.768, 52.113],
  ],
  // Warwickshire against Gloucestershire and Oxfordshire, Long Marston -> Warwickshire/
  // Northamptonshire/Oxfordshire.
  warwickshireSouth: [
    [-1.768, 52.113], [-1.694, 52.039], [-1.617, 52.034], [-1.67, 51.989], [-1.612, 51.956],
    [-1.525, 51.993], [-1.477, 52.101], [-1.358, 52.101], [-1.332, 52.169],
  ],
  // Inner edge of Warwickshire and Coventry, No Man's Heath -> Long Marston.
  warwickshireWest: [
    [-1.634, 52.702], [-1.652, 52.618], [-1.735, 52.56], [-1.755, 52.51], [-1.7, 52.465],
    [-1.665, 52.462], [-1.607, 52.437], [-1.612, 52.41], [-1.6, 52.388], [-1.76, 52.338],
    [-1.815, 52.34], [-1.865, 52.352], [-1.9, 52.325], [-1.92, 52.255], [-1.925, 52.215],
    [-1.905, 52.18], [-1.815, 52.125], [-1.768, 52.113],
  ],
};

/** Credit line the page should show under the map, as the Open Government Licence asks. */
export const midlandsMapAttribution =
  'Boundaries: Office for National Statistics, Open Government Licence v3.0. Contains OS data © Crown copyright and database right.';

interface PieceStep {
  piece: BoundaryPieceName;
  reversed: boolean;
}

function along(piece: BoundaryPieceName): PieceStep {
  return { piece, reversed: false };
}

function against(piece: BoundaryPieceName): PieceStep {
  return { piece, reversed: true };
}

function samePoint(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Joins boundary pieces into one closed outline (without repeating the first point). Throws if
 * a piece does not start where the previous one ended, so a broken edit fails at start-up.
 */
function outlineOf(...steps: PieceStep[]): LonLat[] {
  const points: LonLat[] = [];
  for (const step of steps) {
    const piecePoints = step.reversed
      ? [...boundaryPieces[step.piece]].reverse()
      : boundaryPieces[step.piece];
    const [first, ...rest] = piecePoints;
    const last = points.at(-1);
    if (first === undefined) throw new Error(`Boundary piece ${step.piece} is empty`);
    if (last !== undefined && !samePoint(last, first)) {
      throw new Error(`Boundary piece ${step.piece} does not join the previous piece`);
    }
    points.push(...(last === undefined ? [first, ...rest] : rest));
  }
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || !samePoint(first, last)) {
    throw new Error('Outline is not closed');
  }
  return points.slice(0, -1);
}

interface AreaDefinition {
  key: string;
  name: string;
  outline: readonly LonLat[];
  /** Where the name is centred; chosen by eye to sit clear of the city labels. */
  labelAt: LonLat;
}

const regionDefinitions: readonly AreaDefinition[] = [
  {
    key: 'west-midlands',
    name: 'West Midlands',
    outline: outlineOf(
      along('westMidlandsNorth'),
      along('welshBorderAndSouthWest'),
      along('warwickshireSouth'),
      along('westEastSouth'),
      along('westEastNorth'),
    ),
    labelAt: [-2.5, 52.3],
  },
  {
    key: 'east-midlands',
    name: 'East Midlands',
    outline: outlineOf(
      against('westEastNorth'),
      against('westEastSouth'),
      along('eastMidlandsSouthAndEast'),
      along('lincolnshireCoast'),
      along('eastMidlandsNorth'),
      along('derbyshireNorthWest'),
    ),
    labelAt: [-0.3, 52.98],
  },
];

const subregionDefinitions: readonly AreaDefinition[] = [
  {
    key: 'coventry-and-warwickshire',
    name: 'Coventry and Warwickshire',
    outline: outlineOf(
      along('warwickshireSouth'),
      along('westEastSouth'),
      along('warwickshireWest'),
    ),
    // The name is wider than the county, so it sits just below Warwickshire's southern tip.
    labelAt: [-1.45, 51.9],
  },
];

const VIEW_WIDTH_PX = 640;
// Wider at the sides than top and bottom: labels run sideways from markers near the edges.
const VIEW_SIDE_MARGIN_PX = 48;
const VIEW_MARGIN_PX = 28;

interface ProjectionFrame {
  west: number;
  north: number;
  /** Shrinks longitude degrees to the length of latitude degrees at the map's mid-latitude. */
  longitudeFactor: number;
  pixelsPerDegree: number;
  height: number;
}

function fitFrame(outlines: readonly (readonly LonLat[])[]): ProjectionFrame {
  const points = outlines.flat();
  const longitudes = points.map(([longitude]) => longitude);
  const latitudes = points.map(([, latitude]) => latitude);
  const west = Math.min(...longitudes);
  const east = Math.max(...longitudes);
  const south = Math.min(...latitudes);
  const north = Math.max(...latitudes);
  const longitudeFactor = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const pixelsPerDegree =
    (VIEW_WIDTH_PX - 2 * VIEW_SIDE_MARGIN_PX) / ((east - west) * longitudeFactor);
  const height = Math.ceil((north - south) * pixelsPerDegree + 2 * VIEW_MARGIN_PX);
  return { west, north, longitudeFactor, pixelsPerDegree, height };
}

const frame = fitFrame(regionDefinitions.map((region) => region.outline));

/**
 * Equirectangular projection into the map's viewBox: good enough over two degrees of latitude,
 * where Ordnance Survey grid accuracy would add nothing a reader could see.
 */
export function project(latitude: number, longitude: number): { x: number; y: number } {
  return {
    x:
      VIEW_SIDE_MARGIN_PX +
      (longitude - frame.west) * frame.longitudeFactor * frame.pixelsPerDegree,
    y: VIEW_MARGIN_PX + (frame.north - latitude) * frame.pixelsPerDegree,
  };
}

function oneDecimal(value: number): number {
  // Adding 0 turns -0 into 0, so the SVG never says "-0".
  return Math.round(value * 10) / 10 + 0;
}

function svgPath(outline: readonly LonLat[]): string {
  const commands = outline.map(([longitude, latitude], index) => {
    const { x, y } = project(latitude, longitude);
    return `${index === 0 ? 'M' : 'L'}${oneDecimal(x)},${oneDecimal(y)}`;
  });
  return `${commands.join(' ')} Z`;
}

function toMapArea(definition: AreaDefinition): MapArea {
  const [longitude, latitude] = definition.labelAt;
  const label = project(latitude, longitude);
  return {
    key: definition.key,
    name: definition.name,
    path: svgPath(definition.outline),
    labelX: oneDecimal(label.x),
    labelY: oneDecimal(label.y),
  };
}

export const midlandsCities: MapMarker[] = [
  { key: 'birmingham', label: 'Birmingham', kind: 'city', latitude: 52.4862, longitude: -1.8904 },
  { key: 'nottingham', label: 'Nottingham', kind: 'city', latitude: 52.9548, longitude: -1.1581 },
  { key: 'leicester', label: 'Leicester', kind: 'city', latitude: 52.6369, longitude: -1.1398 },
  { key: 'coventry', label: 'Coventry', kind: 'city', latitude: 52.4068, longitude: -1.5197 },
  { key: 'derby', label: 'Derby', kind: 'city', latitude: 52.9225, longitude: -1.4746 },
  {
    key: 'stoke-on-trent',
    label: 'Stoke-on-Trent',
    kind: 'city',
    latitude: 53.0027,
    longitude: -2.1794,
  },
  { key: 'lincoln', label: 'Lincoln', kind: 'city', latitude: 53.2307, longitude: -0.5406 },
  { key: 'northampton', label: 'Northampton', kind: 'city', latitude: 52.2405, longitude: -0.9027 },
  {
    key: 'wolverhampton',
    label: 'Wolverhampton',
    kind: 'city',
    latitude: 52.587,
    longitude: -2.1288,
  },
  { key: 'worcester', label: 'Worcester', kind: 'city', latitude: 52.192, longitude: -2.22 },
  { key: 'hereford', label: 'Hereford', kind: 'city', latitude: 52.0565, longitude: -2.716 },
  { key: 'shrewsbury', label: 'Shrewsbury', kind: 'city', latitude: 52.7077, longitude: -2.754 },
];

/** An axis-aligned rectangle in viewBox pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

// Arial and Frutiger average about 0.5 em a character in mixed-case names; 0.55 leaves a gap.
const CHARACTER_WIDTH_EM = 0.55;
const MARKER_RADIUS_PX = 4;
const LABEL_GAP_PX = 7;
// Puts the middle of a capital-height line level with the marker.
const LABEL_BASELINE_DROP_PX = 4;
const LABEL_LINE_STEP_PX = 13;
const MAX_LABEL_NUDGE_LINES = 4;

function textBox(
  text: string,
  fontSize: number,
  anchorX: number,
  baselineY: number,
  anchor: 'start' | 'middle' | 'end',
): Box {
  const width = text.length * CHARACTER_WIDTH_EM * fontSize;
  const left =
    anchor === 'start' ? anchorX : anchor === 'end' ? anchorX - width : anchorX - width / 2;
  // Capitals reach about 0.75 em above the baseline, descenders about 0.25 em below.
  return {
    left,
    top: baselineY - 0.75 * fontSize,
    right: left + width,
    bottom: baselineY + 0.25 * fontSize,
  };
}

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

function areaOutsideView(box: Box, viewHeight: number): number {
  const inside = overlapArea(box, { left: 0, top: 0, right: VIEW_WIDTH_PX, bottom: viewHeight });
  return (box.right - box.left) * (box.bottom - box.top) - inside;
}

interface LabelCandidate {
  labelX: number;
  labelY: number;
  textAnchor: 'start' | 'end';
  box: Box;
}

/** Label positions relative to the marker: anchor side, x offset, baseline offset. */
type LabelOffset = readonly [textAnchor: 'start' | 'end', dx: number, dy: number];

/**
 * Positions to try, nearest first: level with the marker on the right, then on the left, then
 * tucked above or below either side, then whole lines further up or down. Right comes first
 * because that is how maps are usually labelled; left comes next so that two neighbours split to
 * either side before anything moves vertically.
 */
const labelOffsets: readonly LabelOffset[] = (() => {
  const level = LABEL_BASELINE_DROP_PX;
  const corner = MARKER_RADIUS_PX;
  const offsets: LabelOffset[] = [
    ['start', LABEL_GAP_PX, level],
    ['end', -LABEL_GAP_PX, level],
    ['start', corner, level - LABEL_LINE_STEP_PX],
    ['start', corner, level + LABEL_LINE_STEP_PX],
    ['end', -corner, level - LABEL_LINE_STEP_PX],
    ['end', -corner, level + LABEL_LINE_STEP_PX],
  ];
  for (let lines = 2; lines <= MAX_LABEL_NUDGE_LINES; lines += 1) {
    for (const direction of [1, -1]) {
      for (const [textAnchor, dx] of [
        ['start', LABEL_GAP_PX],
        ['end', -LABEL_GAP_PX],
      ] as const) {
        offsets.push([textAnchor, dx, level + direction * lines * LABEL_LINE_STEP_PX]);
      }
    }
  }
  return offsets;
})();

function labelCandidates(label: string, x: number, y: number): LabelCandidate[] {
  return labelOffsets.map(([textAnchor, dx, dy]) => {
    const labelX = x + dx;
    const labelY = y + dy;
    const box = textBox(label, MAP_LABEL_FONT_SIZE_PX, labelX, labelY, textAnchor);
    return { labelX, labelY, textAnchor, box };
  });
}

function markerBox(x: number, y: number): Box {
  return {
    left: x - MARKER_RADIUS_PX,
    top: y - MARKER_RADIUS_PX,
    right: x + MARKER_RADIUS_PX,
    bottom: y + MARKER_RADIUS_PX,
  };
}

/**
 * Builds the map for the given markers (universities, trusts, BRCs); the cities are always drawn.
 * A marker whose key is already on the map is skipped, and one that falls outside the drawn area
 * (for example a partner's London office) is left off rather than pinned to the edge.
 * Labels are placed in order, cities first, each in the first position that overlaps no earlier
 * label, no marker and no area name, so the result depends only on the input.
 */
export function buildMidlandsMap(markers: MapMarker[]): MidlandsMapView {
  const regions = regionDefinitions.map(toMapArea);
  const subregions = subregionDefinitions.map(toMapArea);
  const height = frame.height;

  const seenKeys = new Set<string>();
  const located: (MapMarker & { x: number; y: number })[] = [];
  for (const marker of [...midlandsCities, ...markers]) {
    if (seenKeys.has(marker.key)) continue;
    if (!Number.isFinite(marker.latitude) || !Number.isFinite(marker.longitude)) continue;
    const { x, y } = project(marker.latitude, marker.longitude);
    if (x < 0 || x > VIEW_WIDTH_PX || y < 0 || y > height) continue;
    seenKeys.add(marker.key);
    located.push({ ...marker, x: oneDecimal(x), y: oneDecimal(y) });
  }

  const areaNameBoxes = [...regions, ...subregions].map((area) =>
    textBox(area.name, MAP_AREA_LABEL_FONT_SIZE_PX, area.labelX, area.labelY, 'middle'),
  );
  const obstacles: Box[] = [...areaNameBoxes];
  const placed: PlacedMapMarker[] = [];
  for (const [index, marker] of located.entries()) {
    const otherMarkers = located
      .filter((_, otherIndex) => otherIndex !== index)
      .map((other) => markerBox(other.x, other.y));
    const blockers = [...obstacles, ...otherMarkers];
    let best: LabelCandidate | undefined;
    let bestPenalty = Number.POSITIVE_INFINITY;
    for (const candidate of labelCandidates(marker.label, marker.x, marker.y)) {
      const penalty =
        blockers.reduce((sum, blocker) => sum + overlapArea(candidate.box, blocker), 0) +
        areaOutsideView(candidate.box, height);
      // Strictly smaller, so ties keep the earlier (preferred) position.
      if (penalty < bestPenalty) {
        best = candidate;
        bestPenalty = penalty;
      }
      if (penalty === 0) break;
    }
    if (best === undefined) throw new Error('No label positions were tried');
    obstacles.push(best.box);
    placed.push({
      ...marker,
      labelX: oneDecimal(best.labelX),
      labelY: oneDecimal(best.labelY),
      textAnchor: best.textAnchor,
    });
  }

  return { width: VIEW_WIDTH_PX, height, regions, subregions, markers: placed };
}
