/**
 * The `shop` dataset: a small online shop with customers, categories, products, orders and
 * order items. Every Databases lesson queries it. `build` is deterministic (a seeded PRNG,
 * no clock), so a reference query always gives the same answer; the hidden variant uses
 * another seed — same schema and shape, different values — so a hard-coded answer fails.
 *
 * Fixed rows a few lessons rely on (present in both variants):
 *   - customer 1, Grace Hopper <grace@shop.test>
 *   - customer 2, Liam O'Brien <liam.o'brien@shop.test> (an apostrophe: a quoting trap)
 *   - order 1, a cancelled order of Grace's
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

export default function build(variant: 'visible' | 'hidden'): string {
  const random = mulberry32(SEEDS[variant]);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const categories = CATEGORIES.map((name, i) => [String(i + 1), sqlString(name)]);

  const customers: string[][] = [
    ['1', sqlString('Grace Hopper'), sqlString('grace@shop.test'), sqlString('New York'), sqlString('United States'), sqlString(timestamp(0, 3600))],
    ['2', sqlString("Liam O'Brien"), sqlString("liam.o'brien@shop.test"), sqlString('Dublin'), sqlString('Ireland'), sqlString(timestamp(3, 7200))],
  ];
  for (let id = 3; id <= CUSTOMERS; id++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [city, country] = pick(PLACES);
    // The id in the address keeps emails unique however the names repeat.
    const email = `${first}.${last}.${id}@example.test`.toLowerCase();
    customers.push([String(id), sqlString(`${first} ${last}`), sqlString(email), sqlString(city), sqlString(country), sqlString(timestamp(int(0, 540), int(0, 86_399)))]);
  }

  const products: string[][] = [];
  const prices: number[] = [0];
  const usedNames = new Set<string>();
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
    prices.push(price);
    products.push([String(products.length + 1), sqlString(name), String(categoryId), String(price), String(stock)]);
  }

  const orders: string[][] = [];
  const items: string[][] = [];
  // Some customers never order (realistic, and what LEFT JOIN lessons look for); some order a lot.
  const buyers = Array.from({ length: CUSTOMERS }, (_, i) => i + 1).filter((id) => id <= 2 || random() > 0.12);
  const regulars = buyers.filter(() => random() < 0.1);
  for (let id = 1; id <= ORDERS; id++) {
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
