import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildMidlandsMap,
  midlandsCities,
  project,
  type MapArea,
  type MapMarker,
  type PlacedMapMarker,
} from './midlands-map.js';

type Point = [x: number, y: number];

const universityOfBirmingham: MapMarker = {
  key: 'university-of-birmingham',
  label: 'University of Birmingham',
  kind: 'university',
  latitude: 52.4508,
  longitude: -1.9305,
};
const queenElizabethHospital: MapMarker = {
  key: 'queen-elizabeth-hospital-birmingham',
  label: 'Queen Elizabeth Hospital Birmingham',
  kind: 'nhs-trust',
  latitude: 52.4531,
  longitude: -1.9425,
};
const partnerSites: MapMarker[] = [
  universityOfBirmingham,
  queenElizabethHospital,
  {
    key: 'queens-medical-centre',
    label: "Queen's Medical Centre Nottingham",
    kind: 'nhs-trust',
    latitude: 52.9436,
    longitude: -1.1864,
  },
  {
    key: 'leicester-royal-infirmary',
    label: 'Leicester Royal Infirmary',
    kind: 'nhs-trust',
    latitude: 52.6268,
    longitude: -1.136,
  },
  {
    key: 'university-hospital-coventry',
    label: 'University Hospital Coventry',
    kind: 'nhs-trust',
    latitude: 52.4214,
    longitude: -1.4417,
  },
  {
    key: 'university-of-warwick',
    label: 'University of Warwick',
    kind: 'university',
    latitude: 52.3793,
    longitude: -1.5615,
  },
  {
    key: 'loughborough-university',
    label: 'Loughborough University',
    kind: 'university',
    latitude: 52.765,
    longitude: -1.229,
  },
];

function city(key: string): MapMarker {
  const found = midlandsCities.find((candidate) => candidate.key === key);
  assert.ok(found, `no city ${key}`);
  return found;
}

function projectedCity(key: string): { x: number; y: number } {
  const { latitude, longitude } = city(key);
  return project(latitude, longitude);
}

function area(areas: MapArea[], key: string): MapArea {
  const found = areas.find((candidate) => candidate.key === key);
  assert.ok(found, `no area ${key}`);
  return found;
}

function vertices(path: string): Point[] {
  return [...path.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((match): Point => [
    Number(match[1]),
    Number(match[2]),
  ]);
}

/** Even-odd ray casting: is the point inside the polygon? */
function contains(polygon: Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Our own estimate of where a 12px label's text is drawn (about 0.5 em a character). */
function labelRectangle(marker: PlacedMapMarker): {
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  const width = marker.label.length * 6;
  const left = marker.textAnchor === 'start' ? marker.labelX : marker.labelX - width;
  return { left, right: left + width, top: marker.labelY - 9, bottom: marker.labelY + 3 };
}

function labelsOverlap(a: PlacedMapMarker, b: PlacedMapMarker): boolean {
  const first = labelRectangle(a);
  const second = labelRectangle(b);
  return (
    first.left < second.right &&
    second.left < first.right &&
    first.top < second.bottom &&
    second.top < first.bottom
  );
}

test('the projection keeps the cities where they are on the ground', () => {
  const birmingham = projectedCity('birmingham');
  const nottingham = projectedCity('nottingham');
  const leicester = projectedCity('leicester');
  const lincoln = projectedCity('lincoln');
  assert.ok(birmingham.x < nottingham.x, 'Birmingham is west of Nottingham');
  assert.ok(birmingham.x < leicester.x, 'Birmingham is west of Leicester');
  assert.ok(nottingham.y < leicester.y, 'Nottingham is north of Leicester');
  assert.ok(lincoln.x > nottingham.x, 'Lincoln is east of Nottingham');
});

test('distances east-west and north-south are drawn to the same scale', () => {
  // Coventry to Leicester is about 26 km east-west and 25 km north-south.
  const coventry = projectedCity('coventry');
  const leicester = projectedCity('leicester');
  const ratio = (leicester.x - coventry.x) / (coventry.y - leicester.y);
  assert.ok(ratio > 0.9 && ratio < 1.2, `east-west over north-south was ${ratio}`);
});

test('every marker, city or partner, lies inside the viewBox', () => {
  const view = buildMidlandsMap(partnerSites);
  assert.equal(view.markers.length, midlandsCities.length + partnerSites.length);
  for (const marker of view.markers) {
    assert.ok(marker.x >= 0 && marker.x <= view.width, `${marker.key} x ${marker.x}`);
    assert.ok(marker.y >= 0 && marker.y <= view.height, `${marker.key} y ${marker.y}`);
  }
});

test('outlines are closed SVG paths with coordinates rounded to one decimal', () => {
  const view = buildMidlandsMap([]);
  assert.deepEqual(
    view.regions.map((region) => [region.key, region.name]),
    [
      ['west-midlands', 'West Midlands'],
      ['east-midlands', 'East Midlands'],
    ],
  );
  for (const outline of [...view.regions, ...view.subregions]) {
    assert.match(outline.path, /^M/);
    assert.match(outline.path, /Z$/);
    assert.doesNotMatch(outline.path, /\d\.\d\d/, `${outline.key} has more than one decimal`);
    const points = vertices(outline.path);
    assert.ok(
      points.length >= 25 && points.length <= 90,
      `${outline.key}: ${points.length} points`,
    );
    for (const [x, y] of points) {
      assert.ok(
        x >= 0 && x <= view.width && y >= 0 && y <= view.height,
        `${outline.key} (${x},${y})`,
      );
    }
  }
});

test('the two regions share their border point for point', () => {
  const view = buildMidlandsMap([]);
  const west = vertices(area(view.regions, 'west-midlands').path).map((point) => point.join());
  const east = new Set(
    vertices(area(view.regions, 'east-midlands').path).map((point) => point.join()),
  );
  const shared = west.filter((point) => east.has(point));
  // Warwickshire/Northamptonshire/Oxfordshire to Three Shires Head is 16 points.
  assert.ok(shared.length >= 15, `only ${shared.length} shared points`);
});

test('each city falls inside its own region and not the other', () => {
  const view = buildMidlandsMap([]);
  const west = vertices(area(view.regions, 'west-midlands').path);
  const east = vertices(area(view.regions, 'east-midlands').path);
  const westCities = [
    'birmingham',
    'coventry',
    'stoke-on-trent',
    'wolverhampton',
    'worcester',
    'hereford',
    'shrewsbury',
  ];
  const eastCities = ['nottingham', 'leicester', 'derby', 'lincoln', 'northampton'];
  for (const key of westCities) {
    const { x, y } = projectedCity(key);
    assert.ok(contains(west, [x, y]) && !contains(east, [x, y]), `${key} is in the West Midlands`);
  }
  for (const key of eastCities) {
    const { x, y } = projectedCity(key);
    assert.ok(contains(east, [x, y]) && !contains(west, [x, y]), `${key} is in the East Midlands`);
  }
});

test('Coventry lies inside Coventry and Warwickshire, Birmingham does not', () => {
  const view = buildMidlandsMap([]);
  const subregion = area(view.subregions, 'coventry-and-warwickshire');
  assert.equal(subregion.name, 'Coventry and Warwickshire');
  const outline = vertices(subregion.path);
  const xs = outline.map(([x]) => x);
  const ys = outline.map(([, y]) => y);
  const coventry = projectedCity('coventry');
  assert.ok(coventry.x > Math.min(...xs) && coventry.x < Math.max(...xs));
  assert.ok(coventry.y > Math.min(...ys) && coventry.y < Math.max(...ys));
  assert.ok(contains(outline, [coventry.x, coventry.y]));
  const birmingham = projectedCity('birmingham');
  assert.ok(!contains(outline, [birmingham.x, birmingham.y]));
});

test('two markers at nearly the same point get labels that do not overlap', () => {
  const view = buildMidlandsMap([universityOfBirmingham, queenElizabethHospital]);
  const placed = (key: string) => {
    const found = view.markers.find((marker) => marker.key === key);
    assert.ok(found, `no marker ${key}`);
    return found;
  };
  const university = placed(universityOfBirmingham.key);
  const hospital = placed(queenElizabethHospital.key);
  assert.ok(Math.hypot(university.x - hospital.x, university.y - hospital.y) < 5);
  assert.ok(!labelsOverlap(university, hospital), 'the two labels overlap');
  assert.ok(!labelsOverlap(university, placed('birmingham')));
  assert.ok(!labelsOverlap(hospital, placed('birmingham')));
});

test('no two labels overlap on a map of all the partner sites', () => {
  const { markers } = buildMidlandsMap(partnerSites);
  for (const [index, marker] of markers.entries()) {
    for (const other of markers.slice(index + 1)) {
      assert.ok(!labelsOverlap(marker, other), `${marker.key} and ${other.key} overlap`);
    }
  }
});

test('labels stay beside their marker', () => {
  for (const marker of buildMidlandsMap(partnerSites).markers) {
    const side =
      marker.textAnchor === 'start' ? marker.labelX - marker.x : marker.x - marker.labelX;
    assert.ok(side > 0 && side < 10, `${marker.key} label starts ${side}px away`);
    assert.ok(Math.abs(marker.labelY - marker.y) <= 60, `${marker.key} label moved too far`);
  }
});

test('the same markers always give the same map, and the input is left alone', () => {
  const input = partnerSites.map((marker) => ({ ...marker }));
  const first = buildMidlandsMap(input);
  const second = buildMidlandsMap(input);
  assert.deepEqual(first, second);
  assert.deepEqual(input, partnerSites);
});

test('cities are always drawn; repeated keys and places off the map are left out', () => {
  const london: MapMarker = {
    key: 'london-office',
    label: 'London office',
    kind: 'university',
    latitude: 51.5074,
    longitude: -0.1278,
  };
  const notANumber: MapMarker = { ...universityOfBirmingham, key: 'broken', latitude: Number.NaN };
  const view = buildMidlandsMap([
    universityOfBirmingham,
    { ...universityOfBirmingham },
    city('derby'),
    london,
    notANumber,
  ]);
  assert.deepEqual(
    view.markers.map((marker) => marker.key),
    [...midlandsCities.map((marker) => marker.key), universityOfBirmingham.key],
  );
  assert.equal(buildMidlandsMap([]).markers.length, 12);
});
