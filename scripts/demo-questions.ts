/**
 * The demo question bank: parameterised templates in four domains (math word problems, document QA, code tasks,
 * SQL), each with a latent difficulty. The bank depends only on the seed, so every training sees the same questions.
 */
import { Rng, mixSeed } from './demo-random';

export type Domain = 'math' | 'qa' | 'code' | 'sql';

export interface DemoQuestion {
  index: number;
  /** `q-0042` */
  dataId: string;
  domain: Domain;
  text: string;
  /** Short noun phrase the agent's thoughts and searches refer to. */
  subject: string;
  answer: string;
  /** Plausible wrong answers (for wrong_answer and partial-credit trajectories). */
  wrongAnswers: readonly string[];
  /** Latent difficulty on the logit scale: success probability is sigmoid(skill − difficulty). */
  difficulty: number;
  /** Inputs the tools are called with when they work on this question. */
  expression: string;
  code: string;
  sql: string;
  file: string;
  url: string;
}

type QuestionDraft = Omit<DemoQuestion, 'index' | 'dataId' | 'domain' | 'difficulty' | 'wrongAnswers'> & {
  wrongAnswers: string[];
  hardness: number;
};
type Template = (rng: Rng) => QuestionDraft;

/** Formats with thousands separators, independent of the machine's locale. */
export function formatNumber(value: number, decimals = 2): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
const money = (value: number) => `$${formatNumber(value)}`;
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
const numericWrong = (rng: Rng, value: number, format: (n: number) => string) => [
  format(value * rng.float(1.05, 1.4)),
  format(value * rng.float(0.6, 0.95)),
];

const PEOPLE = ['Maria', 'Kenji', 'Priya', 'Tomás', 'Aisha', 'Lena', 'Omar', 'Chloe', 'Dmitri', 'Ngozi'];
const COMPANIES = [
  'Northwind Analytics',
  'Helios Robotics',
  'Bluefin Logistics',
  'Quarry Labs',
  'Tamarack Energy',
  'Orchid Biosciences',
  'Kestrel Aerospace',
  'Lumen Retail Group',
  'Cobalt Insurance',
  'Silverline Foods',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
];
const YEARS = [2021, 2022, 2023, 2024];
const CUSTOMERS = [
  'Alvarez Home',
  'Brightway Ltd',
  'Cedar & Co',
  'Delta Outfitters',
  'Evergreen Supply',
  'Fjord Trading',
];

const MATH: Template[] = [
  (rng) => {
    const a = rng.int(40, 200);
    const p = rng.int(10, 24) / 4;
    const c = rng.int(8, 40) * 10;
    const d = rng.int(5, 30);
    const v = (a * p - c) * d;
    return {
      text: `A bakery sells ${a} loaves a day at ${money(p)} each, and its fixed costs are ${money(c)} per day. How much profit does it make over ${d} days?`,
      subject: `bakery profit over ${d} days`,
      answer: money(v),
      wrongAnswers: [money(a * p * d), money(a * p * d - c)],
      expression: `(${a} * ${p} - ${c}) * ${d}`,
      code: `daily = ${a} * ${p} - ${c}\nprint(round(daily * ${d}, 2))`,
      hardness: -0.8,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const v = rng.int(12, 18) * 5;
    const w = v + rng.int(2, 8) * 5;
    const k = rng.int(1, 3);
    const t = (w * k) / (w - v);
    return {
      text: `A train leaves a station at ${v} km/h. ${k} hour${k > 1 ? 's' : ''} later a second train leaves the same station on the same track at ${w} km/h. How many hours after the first departure does the second train catch up?`,
      subject: 'train catch-up time',
      answer: `${formatNumber(t)} hours`,
      wrongAnswers: [`${formatNumber(t - k)} hours`, `${formatNumber((v * k) / (w - v) + k + 0.5)} hours`],
      expression: `${w} * ${k} / (${w} - ${v})`,
      code: `v, w, k = ${v}, ${w}, ${k}\nt = w * k / (w - v)\nprint(round(t, 2))`,
      hardness: 0.3,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const a = rng.int(2, 6);
    const b = a + rng.int(2, 8);
    const t = (a * b) / (b - a);
    return {
      text: `Pipe A fills a tank in ${a} hours and pipe B drains it in ${b} hours. If both are opened on an empty tank, how long until it is full?`,
      subject: 'tank fill time with two pipes',
      answer: `${formatNumber(t)} hours`,
      wrongAnswers: [`${formatNumber((a * b) / (a + b))} hours`, `${formatNumber(b - a)} hours`],
      expression: `1 / (1/${a} - 1/${b})`,
      code: `rate = 1/${a} - 1/${b}\nprint(round(1 / rate, 2))`,
      hardness: 0.6,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const who = rng.pick(PEOPLE);
    const p = rng.int(2, 40) * 500;
    const r = rng.int(4, 16) / 2;
    const n = rng.int(3, 15);
    const v = p * (1 + r / 100) ** n;
    return {
      text: `${who} invests ${money(p)} at ${r}% interest compounded annually. What is the balance after ${n} years, to the nearest cent?`,
      subject: `compound interest on ${money(p)} at ${r}%`,
      answer: money(v),
      wrongAnswers: [money(p * (1 + (r / 100) * n)), money(p * (1 + r / 100) ** (n - 1))],
      expression: `${p} * (1 + ${r}/100) ** ${n}`,
      code: `balance = ${p} * (1 + ${r} / 100) ** ${n}\nprint(f"{balance:.2f}")`,
      hardness: -0.2,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const w = rng.int(3, 20);
    const k = rng.int(2, 5);
    const perimeter = 2 * w * (k + 1);
    return {
      text: `A rectangle's length is ${k} times its width and its perimeter is ${perimeter} cm. What is its area?`,
      subject: 'rectangle area from perimeter',
      answer: `${k * w * w} cm²`,
      wrongAnswers: [`${(perimeter / 4) ** 2} cm²`, `${k * w * w * 2} cm²`],
      expression: `${k} * (${perimeter} / (2 * (${k} + 1))) ** 2`,
      code: `w = ${perimeter} / (2 * (${k} + 1))\nprint(${k} * w * w)`,
      hardness: 0.2,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const n = rng.int(24, 40);
    const m = rng.int(10, n - 6);
    const f = rng.int(8, n - 8);
    const both = rng.int(3, Math.min(m, f) - 1);
    const neither = Math.max(0, n - (m + f - both));
    return {
      text: `In a class of ${n} students, ${m} passed maths, ${f} passed physics and ${both} passed both. How many passed neither?`,
      subject: 'students who passed neither subject',
      answer: String(neither),
      wrongAnswers: [String(Math.max(0, n - m - f)), String(neither + both)],
      expression: `${n} - (${m} + ${f} - ${both})`,
      code: `print(${n} - (${m} + ${f} - ${both}))`,
      hardness: 0.1,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const limit = rng.int(10, 200) * 10;
    const a = rng.pick([3, 5, 7]);
    const b = rng.pick([4, 6, 11, 13]);
    let sum = 0;
    for (let i = 1; i < limit; i++) if (i % a === 0 || i % b === 0) sum += i;
    return {
      text: `What is the sum of all positive integers below ${limit} that are divisible by ${a} or ${b}?`,
      subject: `multiples of ${a} or ${b} below ${limit}`,
      answer: String(sum),
      wrongAnswers: numericWrong(rng, sum, (x) => String(Math.round(x))),
      expression: `sum(range(0, ${limit}, ${a})) + sum(range(0, ${limit}, ${b})) - sum(range(0, ${limit}, ${lcm(a, b)}))`,
      code: `print(sum(i for i in range(1, ${limit}) if i % ${a} == 0 or i % ${b} == 0))`,
      hardness: 0.9,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const p = rng.int(8, 60) * 5;
    const d = rng.int(2, 8) * 5;
    const t = rng.int(5, 10);
    const v = p * (1 - d / 100) * (1 + t / 100);
    return {
      text: `A jacket costs ${money(p)}. It is discounted by ${d}% and then ${t}% sales tax is added. What is the final price?`,
      subject: 'discounted price with sales tax',
      answer: money(v),
      wrongAnswers: [money(p * (1 - (d - t) / 100)), money(p * (1 - d / 100))],
      expression: `${p} * (1 - ${d}/100) * (1 + ${t}/100)`,
      code: `price = ${p} * (1 - ${d} / 100) * (1 + ${t} / 100)\nprint(round(price, 2))`,
      hardness: -0.5,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const d = rng.int(10, 60);
    const v1 = rng.int(10, 20);
    const v2 = v1 + rng.int(4, 16);
    const avg = (2 * v1 * v2) / (v1 + v2);
    return {
      text: `A cyclist rides ${d} km to a lake at ${v1} km/h and returns along the same road at ${v2} km/h. What is the average speed for the round trip?`,
      subject: 'round-trip average speed',
      answer: `${formatNumber(avg)} km/h`,
      wrongAnswers: [`${formatNumber((v1 + v2) / 2)} km/h`, `${formatNumber(avg + 1.5)} km/h`],
      expression: `2 * ${d} / (${d}/${v1} + ${d}/${v2})`,
      code: `d = ${d}\nprint(round(2 * d / (d / ${v1} + d / ${v2}), 2))`,
      hardness: 0.8,
      sql: '',
      file: '',
      url: '',
    };
  },
  (rng) => {
    const r = rng.int(3, 9);
    const b = rng.int(3, 9);
    const p = (r * (r - 1)) / ((r + b) * (r + b - 1));
    return {
      text: `A bag holds ${r} red and ${b} blue marbles. Two are drawn without replacement. What is the probability that both are red? Give 4 decimals.`,
      subject: 'probability of drawing two red marbles',
      answer: p.toFixed(4),
      wrongAnswers: [((r / (r + b)) ** 2).toFixed(4), (r / (r + b)).toFixed(4)],
      expression: `(${r} / ${r + b}) * (${r - 1} / ${r + b - 1})`,
      code: `from fractions import Fraction\np = Fraction(${r}, ${r + b}) * Fraction(${r - 1}, ${r + b - 1})\nprint(float(p))`,
      hardness: 0.7,
      sql: '',
      file: '',
      url: '',
    };
  },
];

const QA: Template[] = [
  (rng) => {
    const company = rng.pick(COMPANIES);
    const year = rng.pick(YEARS);
    const margin = rng.float(4, 28);
    return {
      text: `According to the ${year} annual report of ${company}, what was its operating margin?`,
      subject: `${company} ${year} operating margin`,
      answer: `${margin.toFixed(1)}%`,
      wrongAnswers: [`${(margin + rng.float(1, 6)).toFixed(1)}%`, `${(margin * 0.7).toFixed(1)}%`],
      expression: `${formatNumber(margin * 40, 0)} / ${formatNumber(4000, 0)} * 100`,
      code: `income, revenue = ${(margin * 40).toFixed(1)}, 4000.0\nprint(round(income / revenue * 100, 1))`,
      file: `reports/${slug(company)}_${year}_annual_report.pdf`,
      url: `https://investors.${slug(company).replace(/_/g, '')}.com/reports/${year}`,
      hardness: 0,
      sql: '',
    };
  },
  (rng) => {
    const company = rng.pick(COMPANIES);
    const year = rng.pick(YEARS);
    const n = rng.int(120, 9000);
    const delta = rng.int(-400, 900);
    return {
      text: `How many employees did ${company} report at the end of ${year}, and what was the change versus ${year - 1}?`,
      subject: `${company} headcount ${year}`,
      answer: `${formatNumber(n, 0)} employees (${delta >= 0 ? '+' : ''}${delta} vs ${year - 1})`,
      wrongAnswers: [
        `${formatNumber(n - delta, 0)} employees`,
        `${formatNumber(n, 0)} employees (${delta >= 0 ? '-' : '+'}${Math.abs(delta)} vs ${year - 1})`,
      ],
      expression: `${n - delta} + ${delta}`,
      code: `print(${n - delta} + ${delta})`,
      file: `reports/${slug(company)}_${year}_annual_report.pdf`,
      url: `https://www.${slug(company).replace(/_/g, '')}.com/about/careers`,
      hardness: 0.4,
      sql: '',
    };
  },
  (rng) => {
    const [policy, action] = rng.pick([
      ['refund_policy', 'request a refund'],
      ['warranty', 'file a warranty claim'],
      ['subscriptions', 'cancel without a fee'],
      ['returns', 'return an unopened item'],
    ]);
    const days = rng.pick([14, 30, 45, 60, 90]);
    return {
      text: `Per docs/policies/${policy}.md, how many days does a customer have to ${action}?`,
      subject: `${policy.replace('_', ' ')} window`,
      answer: `${days} days`,
      wrongAnswers: [`${days / 2} days`, `${days + 15} days`],
      expression: `${days} * 1`,
      code: `print(open("docs/policies/${policy}.md").read()[:400])`,
      file: `docs/policies/${policy}.md`,
      url: `https://help.example.com/policies/${policy}`,
      hardness: -0.6,
      sql: '',
    };
  },
  (rng) => {
    const project = rng.pick(['fastgrid', 'tidewatch', 'quillmark', 'ramekin', 'pebbledb', 'sparrow-http']);
    const license = rng.pick(['Apache-2.0', 'MIT', 'BSD-3-Clause', 'MPL-2.0']);
    const maintainer = `${rng.pick(PEOPLE)} ${rng.pick(['Okafor', 'Lindqvist', 'Sato', 'Moreau', 'Reyes'])}`;
    return {
      text: `Which license does the open-source project ${project} use, and who is listed as its primary maintainer?`,
      subject: `${project} license and maintainer`,
      answer: `${license}; primary maintainer ${maintainer}`,
      wrongAnswers: [`MIT; primary maintainer ${maintainer}`, `${license}; primary maintainer unknown`],
      expression: '',
      code: `import json\nprint(json.load(open("${project}/package.json"))["license"])`,
      file: `${project}/MAINTAINERS.md`,
      url: `https://github.com/${project}-org/${project}`,
      hardness: 0.3,
      sql: '',
    };
  },
  (rng) => {
    const ticker = rng.pick(['NWAN', 'HLRB', 'BFLG', 'KSTA', 'TMRK', 'ORCB']);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const price = rng.float(12, 340);
    const change = rng.float(-6, 6);
    const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      text: `What was the closing price of ${ticker} on ${date}, and how much did it change from the previous close?`,
      subject: `${ticker} close on ${date}`,
      answer: `${money(price)} (${change >= 0 ? '+' : ''}${change.toFixed(2)}%)`,
      wrongAnswers: [
        `${money(price * 1.03)} (${change.toFixed(2)}%)`,
        `${money(price)} (${(-change).toFixed(2)}%)`,
      ],
      expression: `${(price / (1 + change / 100)).toFixed(4)} * (1 + ${change.toFixed(4)} / 100)`,
      code: `prev, close = ${(price / (1 + change / 100)).toFixed(2)}, ${price.toFixed(2)}\nprint(round((close - prev) / prev * 100, 2))`,
      file: `data/prices/${ticker.toLowerCase()}_2024.csv`,
      url: `https://finance.example.com/quote/${ticker}/history?date=${date}`,
      hardness: 0.5,
      sql: '',
    };
  },
  (rng) => {
    const month = rng.int(1, 10);
    const year = rng.pick(YEARS);
    const project = rng.pick(['Atlas migration', 'mobile checkout', 'search relevance v2', 'SSO rollout']);
    const reason = rng.pick([
      'blocked on the vendor contract',
      'headcount moved to reliability work',
      'low expected impact',
    ]);
    return {
      text: `In the notes from the ${MONTHS[month - 1]} ${year} planning meeting (notes/planning_${year}_${String(month).padStart(2, '0')}.md), which project was deprioritized and why?`,
      subject: `${MONTHS[month - 1]} ${year} planning decisions`,
      answer: `${project}: ${reason}`,
      wrongAnswers: [`${project}: budget cuts`, `None was deprioritized`],
      expression: '',
      code: `print(open("notes/planning_${year}_${String(month).padStart(2, '0')}.md").read())`,
      file: `notes/planning_${year}_${String(month).padStart(2, '0')}.md`,
      url: `https://wiki.example.com/planning/${year}-${month}`,
      hardness: 0.9,
      sql: '',
    };
  },
  (rng) => {
    const company = rng.pick(COMPANIES);
    const year = rng.pick(YEARS);
    const sub = `${company.split(' ')[0]} ${rng.pick(['Mobility', 'Cloud', 'Health', 'Freight', 'Labs'])}`;
    const lead = `${rng.pick(PEOPLE)} ${rng.pick(['Haddad', 'Novak', 'Ito', 'Mensah', 'Larsen'])}`;
    return {
      text: `Which subsidiary of ${company} grew revenue fastest in ${year}, and who leads it?`,
      subject: `${company} subsidiaries revenue growth ${year}`,
      answer: `${sub}, led by ${lead}`,
      wrongAnswers: [`${sub}, led by the group CEO`, `${company.split(' ')[0]} Services, led by ${lead}`],
      expression: '',
      code: `import pandas as pd\ndf = pd.read_csv("segments_${year}.csv")\nprint(df.sort_values("growth", ascending=False).head(3))`,
      file: `reports/${slug(company)}_${year}_segments.csv`,
      url: `https://investors.${slug(company).replace(/_/g, '')}.com/segments/${year}`,
      hardness: 1.2,
      sql: '',
    };
  },
];

const CODE: Template[] = [
  (rng) => {
    const example = rng.pick(['"1h30m"', '"2h5s"', '"45m"', '"3h20m15s"']);
    return {
      text: `Implement \`parse_duration(s: str) -> int\` in src/utils/durations.py that converts strings like ${example} into seconds. Tests are in tests/test_durations.py.`,
      subject: 'parse_duration',
      answer:
        'Implemented parse_duration with a regex over (\\d+)([hms]); all tests in tests/test_durations.py pass.',
      wrongAnswers: ['Implemented parse_duration; minutes-only inputs still fail.'],
      expression: '',
      code: `import re\nUNITS = {"h": 3600, "m": 60, "s": 1}\ndef parse_duration(s):\n    return sum(int(n) * UNITS[u] for n, u in re.findall(r"(\\d+)([hms])", s))\nprint(parse_duration(${example}))`,
      file: 'src/utils/durations.py',
      url: 'https://docs.python.org/3/library/re.html',
      hardness: 0,
      sql: '',
    };
  },
  (rng) => {
    const size = rng.pick([10, 20, 25, 50]);
    return {
      text: `\`paginate(items, page_size=${size})\` in src/api/pagination.py drops the last partial page. Fix the off-by-one bug and add a regression test.`,
      subject: 'paginate off-by-one',
      answer:
        'Changed the page count to ceil(len(items) / page_size); added test_last_partial_page; 14 passed.',
      wrongAnswers: [
        'Changed range(pages) to range(pages + 1); the empty-list case now returns one empty page.',
      ],
      expression: `ceil(${size * 3 + 7} / ${size})`,
      code: `import math\nitems = list(range(${size * 3 + 7}))\nprint(math.ceil(len(items) / ${size}))`,
      file: 'src/api/pagination.py',
      url: '',
      hardness: -0.3,
      sql: '',
    };
  },
  (rng) => {
    const sample = rng.pick(['[(1, 3), (2, 6), (8, 10)]', '[(5, 7), (1, 2), (2, 4)]', '[(1, 4), (4, 5)]']);
    return {
      text: `Write \`merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]\` that merges overlapping intervals and returns them sorted. Example input: ${sample}.`,
      subject: 'merge_intervals',
      answer: 'Sorted by start and merged in one pass; handles touching intervals; 11 tests pass.',
      wrongAnswers: ['Merged in one pass without sorting first; unsorted inputs fail.'],
      expression: '',
      code: `def merge_intervals(xs):\n    out = []\n    for s, e in sorted(xs):\n        if out and s <= out[-1][1]:\n            out[-1] = (out[-1][0], max(out[-1][1], e))\n        else:\n            out.append((s, e))\n    return out\nprint(merge_intervals(${sample}))`,
      file: 'src/algorithms/intervals.py',
      url: '',
      hardness: 0.1,
      sql: '',
    };
  },
  () => ({
    text: 'The CSV loader in src/io/csv_loader.py crashes on quoted fields that contain newlines. Make it handle them without breaking the streaming interface.',
    subject: 'CSV loader with quoted newlines',
    answer:
      'Replaced the line-based split with csv.reader over the file object (newline=""); streaming preserved; 23 passed.',
    wrongAnswers: ['Read the whole file into memory and parsed it with csv.reader; streaming tests fail.'],
    expression: '',
    code: 'import csv, io\nrows = list(csv.reader(io.StringIO(\'a,"b\\nc",d\\n\')))\nprint(rows)',
    file: 'src/io/csv_loader.py',
    url: 'https://docs.python.org/3/library/csv.html',
    hardness: 1.0,
    sql: '',
  }),
  (rng) => {
    const capacity = rng.pick([2, 3, 128, 1024]);
    return {
      text: `Implement an \`LRUCache(capacity)\` class with \`get(key)\` and \`put(key, value)\` in O(1) time. The tests construct it with capacity=${capacity}.`,
      subject: 'LRU cache',
      answer:
        'LRUCache built on OrderedDict with move_to_end on get and popitem(last=False) on overflow; all tests pass.',
      wrongAnswers: ['LRUCache evicts the most recently used key; test_eviction_order fails.'],
      expression: '',
      code: `from collections import OrderedDict\nc = OrderedDict()\nfor k in range(${capacity + 1}):\n    c[k] = k\n    if len(c) > ${capacity}:\n        c.popitem(last=False)\nprint(list(c)[:5])`,
      file: 'src/cache/lru.py',
      url: '',
      hardness: 0.4,
      sql: '',
    };
  },
  (rng) => {
    const attempts = rng.int(3, 6);
    const delay = rng.pick([100, 200, 250, 500]);
    return {
      text: `Add retry with exponential backoff to \`fetch_json()\` in src/net/client.py: at most ${attempts} attempts, starting at ${delay} ms, retrying only on 5xx and timeouts.`,
      subject: 'fetch_json retry with backoff',
      answer: `fetch_json retries up to ${attempts} times with ${delay} ms * 2**n backoff on 5xx/timeouts; 4xx raises immediately; tests pass.`,
      wrongAnswers: [`fetch_json retries on every error including 404; test_no_retry_on_4xx fails.`],
      expression: `${delay} * 2 ** ${attempts - 1}`,
      code: `print([${delay} * 2 ** n for n in range(${attempts})])`,
      file: 'src/net/client.py',
      url: 'https://docs.python-requests.org/en/latest/user/advanced/',
      hardness: 0.6,
      sql: '',
    };
  },
  () => ({
    text: 'tests/test_reports.py::test_daily_totals fails only when run after 16:00 UTC. Find and fix the timezone bug in src/reports/daily.py.',
    subject: 'timezone bug in daily totals',
    answer:
      'daily.py used date.today() (local time) to bucket UTC timestamps; switched to datetime.now(timezone.utc).date(); test passes at any hour.',
    wrongAnswers: ['Pinned the test clock to 12:00; the bug remains in production code.'],
    expression: '',
    code: 'from datetime import datetime, timezone\nprint(datetime(2024, 3, 1, 17, tzinfo=timezone.utc).astimezone().date())',
    file: 'src/reports/daily.py',
    url: 'https://docs.python.org/3/library/datetime.html',
    hardness: 1.4,
    sql: '',
  }),
  (rng) => {
    const k = rng.int(3, 10);
    return {
      text: `Write \`top_k_words(text: str, k: int) -> list[str]\` returning the ${k} most frequent words, ignoring case and punctuation, ties broken alphabetically.`,
      subject: 'top_k_words',
      answer: 'Counter over re.findall(r"[a-z\']+", text.lower()), sorted by (-count, word); 8 tests pass.',
      wrongAnswers: ['Counter.most_common(k) without the alphabetical tie-break; test_ties fails.'],
      expression: '',
      code: `import re\nfrom collections import Counter\nwords = re.findall(r"[a-z']+", "The cat and the hat. The end!".lower())\nprint(sorted(Counter(words).items(), key=lambda kv: (-kv[1], kv[0]))[:${k}])`,
      file: 'src/text/top_words.py',
      url: '',
      hardness: 0.2,
      sql: '',
    };
  },
];

const SQL: Template[] = [
  (rng) => {
    const k = rng.int(3, 10);
    const year = rng.pick(YEARS);
    return {
      text: `Using the \`orders\` and \`customers\` tables, list the top ${k} customers by total spend in ${year}.`,
      subject: `top ${k} customers by spend in ${year}`,
      answer: `${CUSTOMERS.slice(0, Math.min(k, 3)).join(', ')}${k > 3 ? ', …' : ''} (top spend ${money(rng.float(12000, 90000))})`,
      wrongAnswers: [`${CUSTOMERS.slice(1, 4).join(', ')} (orders from all years)`],
      expression: '',
      code: `import sqlite3\ncon = sqlite3.connect("shop.db")\nprint(con.execute("SELECT COUNT(*) FROM orders").fetchone())`,
      sql: `SELECT c.name, SUM(o.total) AS spend FROM orders o JOIN customers c ON c.id = o.customer_id WHERE strftime('%Y', o.created_at) = '${year}' GROUP BY c.id ORDER BY spend DESC LIMIT ${k};`,
      file: 'docs/schema/shop.sql',
      url: '',
      hardness: -0.2,
    };
  },
  (rng) => {
    const month = rng.int(2, 10);
    const year = rng.pick(YEARS);
    const growth = rng.float(-8, 15);
    return {
      text: `What was the month-over-month revenue growth for ${MONTHS[month - 1]} ${year}? Use the \`payments\` table (amounts in cents, refunds negative).`,
      subject: `MoM revenue growth ${MONTHS[month - 1]} ${year}`,
      answer: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%`,
      wrongAnswers: [`${(growth + 3.2).toFixed(1)}%`, `${(growth * 100).toFixed(0)}%`],
      expression: `(${formatNumber(100 + growth, 1)} - 100) / 100 * 100`,
      code: 'import pandas as pd\ndf = pd.read_sql("SELECT * FROM payments", con)\nprint(df.groupby(df.paid_at.dt.month).amount.sum())',
      sql: `SELECT strftime('%m', paid_at) AS month, SUM(amount_cents) / 100.0 AS revenue FROM payments WHERE strftime('%Y', paid_at) = '${year}' GROUP BY month ORDER BY month;`,
      file: 'docs/schema/billing.sql',
      url: '',
      hardness: 0.4,
    };
  },
  (rng) => {
    const year = rng.pick(YEARS);
    const count = rng.int(3, 40);
    return {
      text: `Which products were never ordered in ${year}? Tables: \`products\`, \`order_items\`, \`orders\`. Return the count and the first five names.`,
      subject: `products never ordered in ${year}`,
      answer: `${count} products (e.g. Trail Mug, Canvas Tote, Desk Lamp Mini, …)`,
      wrongAnswers: [`${count + rng.int(5, 30)} products`, `${Math.max(0, count - 3)} products`],
      expression: '',
      code: 'print(len(set(all_products) - set(ordered)))',
      sql: `SELECT p.name FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = p.id AND strftime('%Y', o.created_at) = '${year}');`,
      file: 'docs/schema/shop.sql',
      url: '',
      hardness: 0.5,
    };
  },
  (rng) => {
    const quarter = rng.int(1, 4);
    const year = rng.pick(YEARS);
    return {
      text: `For each region, compute the median delivery time in days for shipments in Q${quarter} ${year} (tables \`shipments\`, \`warehouses\`).`,
      subject: `median delivery time by region Q${quarter} ${year}`,
      answer: `EU 2.5, NA 3.0, APAC 4.5, LATAM 6.0 days`,
      wrongAnswers: ['EU 2.9, NA 3.4, APAC 5.1, LATAM 6.6 days (mean, not median)'],
      expression: '',
      code: 'df["days"] = (df.delivered_at - df.shipped_at).dt.days\nprint(df.groupby("region").days.median())',
      sql: `SELECT w.region, julianday(s.delivered_at) - julianday(s.shipped_at) AS days FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.shipped_at >= '${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01';`,
      file: 'docs/schema/logistics.sql',
      url: '',
      hardness: 1.1,
    };
  },
  (rng) => {
    const month = rng.int(1, 10);
    const year = rng.pick(YEARS);
    const churned = rng.int(40, 900);
    return {
      text: `How many users churned in ${MONTHS[month - 1]} ${year}, where churn means no login for 30 days after their last login in that month? (\`users\`, \`logins\`)`,
      subject: `churned users ${MONTHS[month - 1]} ${year}`,
      answer: `${churned} users`,
      wrongAnswers: [`${churned + rng.int(20, 200)} users`, `${Math.round(churned * 0.6)} users`],
      expression: '',
      code: 'last = logins.groupby("user_id").ts.max()\nprint((last < cutoff).sum())',
      sql: `SELECT COUNT(*) FROM (SELECT user_id, MAX(ts) AS last_login FROM logins GROUP BY user_id) WHERE last_login BETWEEN '${year}-${String(month).padStart(2, '0')}-01' AND date('${year}-${String(month).padStart(2, '0')}-01', '+1 month');`,
      file: 'docs/schema/product.sql',
      url: '',
      hardness: 0.9,
    };
  },
  (rng) => {
    const year = rng.pick(YEARS);
    return {
      text: `What is the average order value per sales channel in ${year}? Use \`orders.channel\` and \`orders.total\`.`,
      subject: `average order value by channel ${year}`,
      answer: `web ${money(rng.float(40, 90))}, app ${money(rng.float(30, 70))}, retail ${money(rng.float(60, 120))}`,
      wrongAnswers: ['web $61.20, app $48.75 (retail missing)'],
      expression: '',
      code: 'print(df.groupby("channel").total.mean().round(2))',
      sql: `SELECT channel, ROUND(AVG(total), 2) AS aov FROM orders WHERE strftime('%Y', created_at) = '${year}' GROUP BY channel;`,
      file: 'docs/schema/shop.sql',
      url: '',
      hardness: -0.4,
    };
  },
  (rng) => {
    const year = rng.pick(YEARS);
    const rate = rng.float(18, 46);
    return {
      text: `What share of customers who ordered in ${year} placed at least one more order within 90 days of their first order?`,
      subject: `90-day repeat purchase rate ${year}`,
      answer: `${rate.toFixed(1)}%`,
      wrongAnswers: [`${(rate + 9).toFixed(1)}%`, `${(rate / 2).toFixed(1)}%`],
      expression: `${Math.round(rate * 12)} / 1200 * 100`,
      code: 'first = df.groupby("customer_id").created_at.min()\nprint(repeat.mean())',
      sql: `WITH f AS (SELECT customer_id, MIN(created_at) AS first_at FROM orders WHERE strftime('%Y', created_at) = '${year}' GROUP BY customer_id) SELECT AVG(EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = f.customer_id AND o.created_at > f.first_at AND o.created_at <= date(f.first_at, '+90 day'))) FROM f;`,
      file: 'docs/schema/shop.sql',
      url: '',
      hardness: 0.7,
    };
  },
];

const DOMAINS: readonly { domain: Domain; weight: number; offset: number; templates: Template[] }[] = [
  { domain: 'math', weight: 0.35, offset: 0, templates: MATH },
  { domain: 'qa', weight: 0.25, offset: -0.1, templates: QA },
  { domain: 'code', weight: 0.2, offset: 0.4, templates: CODE },
  { domain: 'sql', weight: 0.2, offset: 0.2, templates: SQL },
];
const DOMAIN_WEIGHTS = DOMAINS.map((d) => d.weight);

export function dataIdFor(index: number): string {
  return `q-${String(index).padStart(4, '0')}`;
}

/** The `count` questions of the campaign, identical for every training. */
export function buildQuestionBank(count: number, seed: number): DemoQuestion[] {
  const questions: DemoQuestion[] = [];
  for (let index = 0; index < count; index++) {
    const rng = new Rng(mixSeed(seed, 0x5155, index));
    const { domain, offset, templates } = DOMAINS[rng.weightedIndex(DOMAIN_WEIGHTS)];
    const { hardness, ...draft } = rng.pick(templates)(rng);
    questions.push({
      ...draft,
      index,
      dataId: dataIdFor(index),
      domain,
      difficulty: hardness + offset + 0.9 * rng.normal(),
    });
  }
  return questions;
}
