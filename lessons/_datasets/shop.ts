/**
 * The `shop` dataset: a small online shop with customers, categories, products, orders and
 * order items. Every Databases sql lesson queries it. `build` is deterministic (a seeded PRNG,
 * no clock), so a reference query always gives the same answer; the hidden variant uses
 * another seed — same schema and shape, different values — so a hard-coded answer fails.
 *
 * Fixed rows a few lessons rely on (present in both variants):
 *   - customer 1, Grace Hopper <grace@shop.test>
 *   - customer 2, Liam O'Brien <liam.o'brien@shop.test> (an apostrophe: a quoting trap)
 *   - order 1, a cancelled order of Grace's
 *
 * Traps: rows planted on purpose so that a query that is only *nearly* right gives another
 * answer. Both variants carry every trap, at different ids, names, categories and times (see
 * TRAPS below), so a query tuned to the visible rows still meets them on the hidden ones.
 * Every tie is between three rows whose names run neither with nor against their ids: SQLite
 * returns tied rows in scan order or in reverse (it depends on the plan), so a missing
 * tie-break shows either way.
 *   - select-basics: three in-stock products share the highest price under 20.00 (1999), so
 *     a missing `name` tie-break shows at the top of the shelf; a sold-out product at
 *     1999 whose name sorts first (a missing `stock > 0`); an in-stock product at exactly
 *     2000 (`<=` instead of `<`).
 *   - joins: a second customer named Grace Hopper with another e-mail (filtering by name
 *     instead of e-mail); an order of Grace's with three items that tie on ordered_at (a
 *     missing `product` tie-break).
 *   - left-join: Irish customers with no orders, with only cancelled orders, with a cancelled
 *     and a shipped order, and with only a pending order (pending is not "never bought").
 *   - aggregates: three customers with the same name, the same orders and the same spend
 *     (GROUP BY name, a missing `email` tie-break); a customer
 *     with exactly 8 non-cancelled orders plus a cancelled one (`> 8`, counting cancelled
 *     orders); one with 7 non-cancelled and 2 cancelled (counting cancelled orders).
 *   - window-functions: in one category the three most expensive products share a price (a
 *     tie at the top: RANK gives 1, 1, 1); in another the 3rd, 4th and 5th share one (RANK
 *     keeps all three in a top 3, ROW_NUMBER drops two, DENSE_RANK lets a 6th in). These
 *     prices lie above the category's random range, so the top of those categories is fixed.
 *   - modify-data: pending orders at the last second of 2023 (must be cancelled) and at
 *     midnight on 2024-01-01 (must stay).
 *   - assessment (2024 report): paid/shipped orders at 2024-01-01 00:00:00 and 2024-12-31
 *     23:59:59 (inside 2024: `BETWEEN '2024-01-01' AND '2024-12-31'` misses the evening), at
 *     2023-12-31 23:59:59 and 2025-01-01 00:00:00 (outside), and a pending one inside 2024.
 *   - migration: one customer's country exists in one variant only, and the visible one has an
 *     apostrophe (Côte d'Ivoire): a hand-written list of countries fails.
 * Duplicates where DISTINCT matters come from the random data: countries repeat across
 * customers, and orders hold several items of one category.
 */

const SEEDS = { visible: 20240601, hidden: 97531 } as const;

const CUSTOMERS = 2000;
const PRODUCTS = 500;
const ORDERS = 10000;

const CATEGORIES = ['Books', 'Kitchen', 'Garden', 'Toys', 'Electronics', 'Sports', 'Beauty', 'Office', 'Music', 'Pets', 'Outdoor', 'Home'];
/** Price range per category, in whole currency units: a tent and a paperback do not cost the same. */
const PRICE_RANGES: Record<string, [min: number, max: number]> = {
  Books: [3, 40], Kitchen: [5, 120], Garden: [5, 150], Toys: [3, 80], Electronics: [15, 300], Sports: [5, 150],
  Beauty: [3, 60], Office: [3, 200], Music: [5, 250], Pets: [3, 80], Outdoor: [10, 300], Home: [5, 150],
};

const FIRST_NAMES = ['Ada', 'Alan', 'Amara', 'Ana', 'Arjun', 'Bea', 'Ben', 'Carla', 'Chen', 'Dara', 'David', 'Elena', 'Emil', 'Fatima', 'Finn', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jade', 'Jonas', 'Kai', 'Lara', 'Leo', 'Lina', 'Luca', 'Maya', 'Mei', 'Nadia', 'Noah', 'Omar', 'Paula', 'Priya', 'Rafael', 'Rosa', 'Sami', 'Sofia', 'Tariq', 'Tom', 'Uma', 'Vera', 'Wen', 'Yara', 'Yusuf', 'Zoe'];
const LAST_NAMES = ['Adams', 'Bauer', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Martin', 'Nakamura', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Silva', 'Tanaka', 'Uddin', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhang'];
const PLACES: [city: string, country: string][] = [
  ['Paris', 'France'], ['Lyon', 'France'], ['Berlin', 'Germany'], ['Munich', 'Germany'], ['Madrid', 'Spain'],
  ['Lisbon', 'Portugal'], ['Rome', 'Italy'], ['Milan', 'Italy'], ['Amsterdam', 'Netherlands'], ['Warsaw', 'Poland'],
  ['London', 'United Kingdom'], ['Dublin', 'Ireland'], ['Oslo', 'Norway'], ['Tokyo', 'Japan'], ['Toronto', 'Canada'],
  ['Austin', 'United States'], ['Boston', 'United States'], ['Lagos', 'Nigeria'], ['Seoul', 'South Korea'], ['Sydney', 'Australia'],
];
const ADJECTIVES = ['Classic', 'Compact', 'Deluxe', 'Eco', 'Everyday', 'Fancy', 'Giant', 'Handy', 'Light', 'Mini', 'Modern', 'Nordic', 'Pocket', 'Pro', 'Quiet', 'Retro', 'Rugged', 'Smart', 'Soft', 'Solid', 'Sunny', 'Swift', 'Tiny', 'Urban', 'Vintage', 'Wild'];
const NOUNS: Record<string, string[]> = {
  Books: ['Cookbook', 'Novel', 'Atlas', 'Notebook', 'Comic', 'Guide'],
  Kitchen: ['Kettle', 'Pan', 'Knife', 'Blender', 'Mug', 'Teapot'],
  Garden: ['Hose', 'Rake', 'Planter', 'Shears', 'Seed Kit', 'Lantern'],
  Toys: ['Robot', 'Puzzle', 'Kite', 'Train Set', 'Plush Bear', 'Yo-yo'],
  Electronics: ['Headphones', 'Speaker', 'Charger', 'Keyboard', 'Mouse', 'Webcam'],
  Sports: ['Ball', 'Racket', 'Yoga Mat', 'Bottle', 'Helmet', 'Jump Rope'],
  Beauty: ['Soap', 'Brush', 'Lotion', 'Mirror', 'Comb', 'Perfume'],
  Office: ['Stapler', 'Lamp', 'Chair', 'Pen Set', 'Desk Tray', 'Planner'],
  Music: ['Ukulele', 'Harmonica', 'Drum Pad', 'Metronome', 'Tuner', 'Capo'],
  Pets: ['Leash', 'Bowl', 'Cat Toy', 'Dog Bed', 'Brush', 'Collar'],
  Outdoor: ['Tent', 'Backpack', 'Compass', 'Hammock', 'Stove', 'Torch'],
  Home: ['Blanket', 'Candle', 'Vase', 'Clock', 'Cushion', 'Rug'],
};
const STATUSES = ['pending', 'paid', 'shipped', 'shipped', 'shipped', 'cancelled'];

/** mulberry32: tiny, fast, good enough for fake data, and identical on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `YYYY-MM-DD HH:MM:SS` for a day offset from 2023-01-01 (UTC, no clock involved). */
function timestamp(dayOffset: number, secondOfDay: number): string {
  const date = new Date(Date.UTC(2023, 0, 1) + dayOffset * 86_400_000 + secondOfDay * 1000);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Multi-row INSERTs of at most 500 rows each: fast to parse, within SQLite's limits. */
function inserts(table: string, columns: string[], rows: string[][]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => `(${row.join(',')})`).join(',\n');
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${values};`);
  }
  return out.join('\n');
}

const SCHEMA = `CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  city TEXT NOT NULL,
  country TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  category_id INTEGER NOT NULL REFERENCES categories(id),
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  ordered_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
);
CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, product_id)
);`;

/** A product placed at a fixed id, replacing the random one drawn there. */
interface TrapProduct {
  id: number;
  name: string;
  category: string;
  price: number;
  stock: number;
}

/** An order planted for a customer: when, its status, and its items as [product id, quantity]. */
interface TrapOrder {
  at: string;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  items: [productId: number, quantity: number][];
}

/** A customer placed at a fixed id; trap customers place no random orders, only `orders`. */
interface TrapCustomer {
  id: number;
  first: string;
  last: string;
  city: string;
  country: string;
  orders: TrapOrder[];
}

interface TrapPlan {
  products: TrapProduct[];
  customers: TrapCustomer[];
  /** Extra orders of Grace Hopper (customer 1), on top of her random ones. */
  graceOrders: TrapOrder[];
}

/** Model numbers ending in 5 never come out of the random generator (it makes N00 and NN0), so trap names stay unique. */
const TRAPS: Record<'visible' | 'hidden', TrapPlan> = {
  visible: {
    products: [
      { id: 35, name: 'Maple Kite 75', category: 'Toys', price: 1999, stock: 8 },
      { id: 330, name: 'Wooden Kite 75', category: 'Toys', price: 1999, stock: 17 },
      { id: 412, name: 'Bright Kite 75', category: 'Toys', price: 1999, stock: 30 },
      { id: 200, name: 'Amber Yo-yo 75', category: 'Toys', price: 1999, stock: 0 },
      { id: 150, name: 'Zinc Robot 75', category: 'Toys', price: 2000, stock: 40 },
      { id: 30, name: 'Echo Headphones 75', category: 'Electronics', price: 30000, stock: 5 },
      { id: 90, name: 'Studio Headphones 75', category: 'Electronics', price: 30000, stock: 12 },
      { id: 260, name: 'Arc Headphones 75', category: 'Electronics', price: 30000, stock: 7 },
      { id: 120, name: 'Summit Tent 75', category: 'Outdoor', price: 30200, stock: 3 },
      { id: 45, name: 'Ridge Tent 75', category: 'Outdoor', price: 30100, stock: 9 },
      { id: 222, name: 'Basecamp Tent 75', category: 'Outdoor', price: 30000, stock: 4 },
      { id: 310, name: 'Igloo Tent 75', category: 'Outdoor', price: 30000, stock: 2 },
      { id: 480, name: 'Alpine Tent 75', category: 'Outdoor', price: 30000, stock: 6 },
    ],
    customers: [
      { id: 777, first: 'Grace', last: 'Hopper', city: 'London', country: 'United Kingdom', orders: [
        { at: '2024-03-08 10:00:00', status: 'shipped', items: [[90, 1]] },
      ] },
      { id: 301, first: 'Ines', last: 'Quinn', city: 'Dublin', country: 'Ireland', orders: [] },
      { id: 302, first: 'Hugo', last: 'Walsh', city: 'Dublin', country: 'Ireland', orders: [
        { at: '2023-05-02 18:20:00', status: 'cancelled', items: [[12, 1]] },
        { at: '2024-02-11 09:05:00', status: 'cancelled', items: [[30, 2]] },
      ] },
      { id: 303, first: 'Rosa', last: 'Kelly', city: 'Cork', country: 'Ireland', orders: [
        { at: '2023-08-19 14:00:00', status: 'cancelled', items: [[7, 1]] },
        { at: '2024-04-02 11:30:00', status: 'shipped', items: [[8, 1]] },
      ] },
      { id: 304, first: 'Tom', last: 'Doyle', city: 'Galway', country: 'Ireland', orders: [
        { at: '2024-11-30 20:45:00', status: 'pending', items: [[9, 3]] },
      ] },
      // Same name, same orders, same spend; e-mails run neither with nor against the ids.
      ...[250, 1900, 640].map((id) => ({ id, first: 'Bea', last: 'Adams', city: 'Berlin', country: 'Germany', orders: [
        { at: '2023-02-14 09:00:00', status: 'shipped', items: [[20, 2], [21, 1]] },
        { at: '2023-04-01 12:00:00', status: 'shipped', items: [[22, 1]] },
        { at: '2023-06-30 16:40:00', status: 'shipped', items: [[23, 4]] },
        { at: '2023-09-09 09:09:00', status: 'paid', items: [[24, 1], [25, 1], [26, 2]] },
        { at: '2023-12-24 18:00:00', status: 'shipped', items: [[27, 1]] },
        { at: '2024-02-02 10:10:00', status: 'shipped', items: [[28, 3]] },
        { at: '2024-05-05 15:55:00', status: 'paid', items: [[29, 1]] },
        { at: '2024-08-18 08:18:00', status: 'shipped', items: [[31, 2]] },
        { at: '2024-10-31 21:00:00', status: 'pending', items: [[32, 1]] },
      ] } satisfies TrapCustomer)),
      { id: 515, first: 'Kai', last: 'Novak', city: 'Warsaw', country: 'Poland', orders: [
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ at: `2024-0${n}-15 12:00:00`, status: 'shipped' as const, items: [[40 + n, 1]] as [number, number][] })),
        { at: '2024-09-15 12:00:00', status: 'cancelled', items: [[49, 1]] },
      ] },
      { id: 516, first: 'Lina', last: 'Petrov', city: 'Warsaw', country: 'Poland', orders: [
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ at: `2023-0${n}-20 19:30:00`, status: 'paid' as const, items: [[50 + n, 2]] as [number, number][] })),
        { at: '2023-08-20 19:30:00', status: 'cancelled', items: [[58, 1]] },
        { at: '2023-09-20 19:30:00', status: 'cancelled', items: [[59, 1]] },
      ] },
      { id: 888, first: 'Yara', last: 'Ito', city: 'Tokyo', country: 'Japan', orders: [
        { at: '2023-12-31 23:59:59', status: 'pending', items: [[5, 1]] },
        { at: '2024-01-01 00:00:00', status: 'pending', items: [[6, 1]] },
      ] },
      { id: 889, first: 'Noah', last: 'Silva', city: 'Lisbon', country: 'Portugal', orders: [
        { at: '2023-12-31 23:59:59', status: 'paid', items: [[90, 2], [45, 1]] },
        { at: '2024-01-01 00:00:00', status: 'shipped', items: [[260, 3], [120, 1]] },
        { at: '2024-06-15 13:00:00', status: 'pending', items: [[222, 2]] },
        { at: '2024-12-31 23:59:59', status: 'paid', items: [[90, 4], [310, 2]] },
        { at: '2025-01-01 00:00:00', status: 'paid', items: [[260, 2], [45, 2]] },
      ] },
      { id: 999, first: 'Amara', last: 'Kone', city: 'Abidjan', country: "Côte d'Ivoire", orders: [
        { at: '2024-05-20 10:00:00', status: 'paid', items: [[11, 1]] },
      ] },
    ],
    graceOrders: [{ at: '2024-02-29 12:00:00', status: 'shipped', items: [[35, 1], [330, 1], [412, 2]] }],
  },
  hidden: {
    products: [
      { id: 61, name: 'Linen Comb 65', category: 'Beauty', price: 1999, stock: 14 },
      { id: 333, name: 'Velvet Comb 65', category: 'Beauty', price: 1999, stock: 90 },
      { id: 420, name: 'Coral Comb 65', category: 'Beauty', price: 1999, stock: 33 },
      { id: 470, name: 'Agate Comb 65', category: 'Beauty', price: 1999, stock: 0 },
      { id: 18, name: 'Pearl Brush 65', category: 'Beauty', price: 2000, stock: 5 },
      { id: 15, name: 'Maple Ukulele 65', category: 'Music', price: 25000, stock: 3 },
      { id: 230, name: 'Velvet Ukulele 65', category: 'Music', price: 25000, stock: 6 },
      { id: 401, name: 'Cedar Ukulele 65', category: 'Music', price: 25000, stock: 11 },
      { id: 140, name: 'Meadow Planter 65', category: 'Garden', price: 15200, stock: 5 },
      { id: 52, name: 'Orchard Planter 65', category: 'Garden', price: 15100, stock: 2 },
      { id: 199, name: 'Hazel Planter 65', category: 'Garden', price: 15000, stock: 1 },
      { id: 280, name: 'Willow Planter 65', category: 'Garden', price: 15000, stock: 8 },
      { id: 455, name: 'Birch Planter 65', category: 'Garden', price: 15000, stock: 4 },
    ],
    customers: [
      { id: 1234, first: 'Grace', last: 'Hopper', city: 'Boston', country: 'United States', orders: [
        { at: '2024-07-19 17:30:00', status: 'paid', items: [[15, 1]] },
      ] },
      { id: 1501, first: 'Finn', last: 'Byrne', city: 'Limerick', country: 'Ireland', orders: [] },
      { id: 1502, first: 'Maya', last: 'Nolan', city: 'Dublin', country: 'Ireland', orders: [
        { at: '2024-06-06 06:06:00', status: 'cancelled', items: [[3, 1]] },
      ] },
      { id: 1503, first: 'Leo', last: 'Burke', city: 'Dublin', country: 'Ireland', orders: [
        { at: '2023-03-03 13:00:00', status: 'paid', items: [[4, 2]] },
        { at: '2024-01-20 08:00:00', status: 'cancelled', items: [[13, 1]] },
      ] },
      { id: 1504, first: 'Sofia', last: 'Ryan', city: 'Cork', country: 'Ireland', orders: [
        { at: '2024-12-01 09:45:00', status: 'pending', items: [[14, 1]] },
      ] },
      ...[88, 1777, 905].map((id) => ({ id, first: 'Mei', last: 'Silva', city: 'Seoul', country: 'South Korea', orders: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ at: `2024-0${n}-0${n} 0${n}:30:00`, status: (n % 3 === 0 ? 'paid' : 'shipped') as TrapOrder['status'], items: [[20 + n, n % 4 + 1], [33 + n, 1]] as [number, number][] })),
        { at: '2024-10-10 10:10:00', status: 'shipped', items: [[44, 2]] },
      ] } satisfies TrapCustomer)),
      { id: 1312, first: 'Ivan', last: 'Varga', city: 'Oslo', country: 'Norway', orders: [
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ at: `2023-0${n}-28 22:00:00`, status: 'paid' as const, items: [[45 + n, 1]] as [number, number][] })),
        { at: '2023-09-28 22:00:00', status: 'cancelled', items: [[55, 1]] },
        { at: '2023-10-28 22:00:00', status: 'cancelled', items: [[56, 1]] },
      ] },
      { id: 1313, first: 'Zoe', last: 'Weber', city: 'Oslo', country: 'Norway', orders: [
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ at: `2024-0${n}-11 07:00:00`, status: 'shipped' as const, items: [[57, n]] as [number, number][] })),
        { at: '2024-08-11 07:00:00', status: 'cancelled', items: [[58, 1]] },
      ] },
      { id: 950, first: 'Emil', last: 'Jensen', city: 'Oslo', country: 'Norway', orders: [
        { at: '2023-12-31 23:30:00', status: 'pending', items: [[2, 1]] },
        { at: '2024-01-01 00:00:00', status: 'pending', items: [[1, 2]] },
      ] },
      { id: 951, first: 'Chen', last: 'Xu', city: 'Toronto', country: 'Canada', orders: [
        { at: '2023-12-31 23:59:59', status: 'shipped', items: [[15, 2], [140, 1]] },
        { at: '2024-01-01 00:00:00', status: 'paid', items: [[401, 2], [52, 3]] },
        { at: '2024-03-03 03:03:00', status: 'pending', items: [[280, 4]] },
        { at: '2024-12-31 23:59:59', status: 'shipped', items: [[15, 3], [199, 2]] },
        { at: '2025-01-01 00:00:00', status: 'shipped', items: [[401, 1], [140, 3]] },
      ] },
      { id: 1999, first: 'Jonas', last: 'Eriksen', city: 'Reykjavik', country: 'Iceland', orders: [
        { at: '2023-11-11 11:11:00', status: 'shipped', items: [[16, 1]] },
      ] },
    ],
    graceOrders: [{ at: '2023-10-10 09:30:00', status: 'paid', items: [[61, 1], [333, 1], [420, 3]] }],
  },
};

export default function build(variant: 'visible' | 'hidden'): string {
  const random = mulberry32(SEEDS[variant]);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const traps = TRAPS[variant];
  const trapCustomers = new Map(traps.customers.map((customer) => [customer.id, customer]));

  const categories = CATEGORIES.map((name, i) => [String(i + 1), sqlString(name)]);

  const customers: string[][] = [
    ['1', sqlString('Grace Hopper'), sqlString('grace@shop.test'), sqlString('New York'), sqlString('United States'), sqlString(timestamp(0, 3600))],
    ['2', sqlString("Liam O'Brien"), sqlString("liam.o'brien@shop.test"), sqlString('Dublin'), sqlString('Ireland'), sqlString(timestamp(3, 7200))],
  ];
  for (let id = 3; id <= CUSTOMERS; id++) {
    // Every customer draws the same random values, trap or not, so the traps leave the rest of the data as it was.
    const drawn = { first: pick(FIRST_NAMES), last: pick(LAST_NAMES), place: pick(PLACES) };
    const createdAt = timestamp(int(0, 540), int(0, 86_399));
    const trap = trapCustomers.get(id);
    const { first, last } = trap ?? drawn;
    const [city, country] = trap ? [trap.city, trap.country] : drawn.place;
    // The id in the address keeps emails unique however the names repeat.
    const email = `${first}.${last}.${id}@example.test`.toLowerCase();
    customers.push([String(id), sqlString(`${first} ${last}`), sqlString(email), sqlString(city), sqlString(country), sqlString(createdAt)]);
  }

  const products: string[][] = [];
  const prices: number[] = [0];
  const usedNames = new Set<string>();
  const trapProducts = new Map(traps.products.map((product) => [product.id, product]));
  while (products.length < PRODUCTS) {
    const categoryId = int(1, CATEGORIES.length);
    const category = CATEGORIES[categoryId - 1] as string;
    const noun = pick(NOUNS[category] ?? []);
    const base = `${pick(ADJECTIVES)} ${noun}`;
    // Model numbers keep names unique so ORDER BY name is a total order.
    let name = `${base} ${int(1, 9)}00`;
    while (usedNames.has(name)) name = `${base} ${int(10, 99)}0`;
    usedNames.add(name);
    const [min, max] = PRICE_RANGES[category] ?? [3, 300];
    const price = int(min, max) * 100 - pick([1, 5, 10, 50, 100]);
    const stock = random() < 0.08 ? 0 : int(1, 250);
    const id = products.length + 1;
    const trap = trapProducts.get(id);
    const row = trap ? { name: trap.name, categoryId: CATEGORIES.indexOf(trap.category) + 1, price: trap.price, stock: trap.stock } : { name, categoryId, price, stock };
    prices.push(row.price);
    products.push([String(id), sqlString(row.name), String(row.categoryId), String(row.price), String(row.stock)]);
  }

  const orders: string[][] = [];
  const items: string[][] = [];
  const planted: [customerId: number, order: TrapOrder][] = [
    ...traps.graceOrders.map((order): [number, TrapOrder] => [1, order]),
    ...traps.customers.flatMap((customer) => customer.orders.map((order): [number, TrapOrder] => [customer.id, order])),
  ];
  // Some customers never order (realistic, and what LEFT JOIN lessons look for); some order a lot.
  // Trap customers order only what TRAPS plants for them.
  const buyers = Array.from({ length: CUSTOMERS }, (_, i) => i + 1).filter((id) => (id <= 2 || random() > 0.12) && !trapCustomers.has(id));
  const regulars = buyers.filter(() => random() < 0.1);
  // The planted orders count towards ORDERS, so the shop keeps its size; they take the last ids.
  const randomOrders = ORDERS - planted.length;
  for (let id = 1; id <= randomOrders; id++) {
    const drawnCustomer = random() < 0.3 ? pick(regulars) : pick(buyers);
    const orderedAt = timestamp(int(10, 720), int(0, 86_399));
    const drawnStatus = pick(STATUSES);
    // Order 1 is always a cancelled order of Grace's, so lessons about her orders meet a cancelled one.
    const [customerId, status] = id === 1 ? [1, 'cancelled'] : [drawnCustomer, drawnStatus];
    orders.push([String(id), String(customerId), sqlString(orderedAt), sqlString(status)]);
    const lines = int(1, 5);
    const chosen = new Set<number>();
    while (chosen.size < lines) chosen.add(random() < 0.4 ? int(1, 60) : int(1, PRODUCTS - 40));
    for (const productId of chosen) {
      // Prices change over time: an item keeps the price it was sold at.
      const unitPrice = random() < 0.85 ? (prices[productId] ?? 100) : Math.max(99, (prices[productId] ?? 100) - int(1, 5) * 100);
      items.push([String(id), String(productId), String(random() < 0.7 ? 1 : int(2, 4)), String(unitPrice)]);
    }
  }
  planted.forEach(([customerId, order], index) => {
    const id = randomOrders + index + 1;
    orders.push([String(id), String(customerId), sqlString(order.at), sqlString(order.status)]);
    for (const [productId, quantity] of order.items) items.push([String(id), String(productId), String(quantity), String(prices[productId] ?? 100)]);
  });

  return [
    'BEGIN;',
    SCHEMA,
    inserts('categories', ['id', 'name'], categories),
    inserts('customers', ['id', 'name', 'email', 'city', 'country', 'created_at'], customers),
    inserts('products', ['id', 'name', 'category_id', 'price_cents', 'stock'], products),
    inserts('orders', ['id', 'customer_id', 'ordered_at', 'status'], orders),
    inserts('order_items', ['order_id', 'product_id', 'quantity', 'unit_price_cents'], items),
    'COMMIT;',
  ].join('\n');
}
