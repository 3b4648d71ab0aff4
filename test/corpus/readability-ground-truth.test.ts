/**
 * The document metrics against readability ground truth nobody on this project wrote
 * (../shared/corpus/labels/readability): OneStopEnglish articles rewritten at three reading
 * levels, and graded passages from the TextDescriptives test suite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check.js';
import { loadBuffer } from '../../src/load/read.js';
import type { Metrics } from '../../src/types.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/labels/readability/', import.meta.url));
const checker = createChecker({ only: ['readability/reading-age'] });
const hardSentences = createChecker({ only: ['readability/hard-sentence'] });

async function metricsOf(bytes: Uint8Array, name: string): Promise<Metrics> {
  const loaded = await loadBuffer(bytes, name, 'text');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return checkDocument(loaded.doc, checker).metrics;
}

/** Spearman rank correlation of two equal-length lists. */
function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (values: readonly number[]): number[] => {
    const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
    const ranks = new Array<number>(values.length);
    order.forEach((entry, position) => (ranks[entry.index] = position + 1));
    return ranks;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const d2 = ra.reduce((sum, value, index) => sum + (value - (rb[index] ?? 0)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe.runIf(existsSync(corpus))('readability ground truth', () => {
  it('ranks OneStopEnglish elementary below intermediate below advanced', async () => {
    const folder = path.join(corpus, 'onestopenglish');
    const articles = readdirSync(path.join(folder, 'Ele'))
      .filter((name) => name.endsWith('-ele.txt'))
      .map((name) => name.replace(/-ele\.txt$/, ''))
      .filter((name) => existsSync(path.join(folder, 'Adv', `${name}-adv.txt`)) && existsSync(path.join(folder, 'Int', `${name}-int.txt`)));
    expect(articles.length).toBeGreaterThan(150);
    let eleBelowAdv = 0;
    let ordered = 0;
    const means = { ele: 0, int: 0, adv: 0 };
    for (const article of articles) {
      const age = async (level: 'Ele' | 'Int' | 'Adv'): Promise<number> => {
        const file = path.join(folder, level, `${article}-${level.toLowerCase()}.txt`);
        return (await metricsOf(readFileSync(file), file)).readingAge ?? Number.NaN;
      };
      const [ele, int, adv] = [await age('Ele'), await age('Int'), await age('Adv')];
      if (ele < adv) eleBelowAdv++;
      if (ele <= int && int <= adv) ordered++;
      means.ele += ele / articles.length;
      means.int += int / articles.length;
      means.adv += adv / articles.length;
    }
    expect(eleBelowAdv / articles.length).toBeGreaterThan(0.98);
    expect(ordered / articles.length).toBeGreaterThan(0.95);
    expect(means.ele).toBeLessThan(means.int);
    expect(means.int).toBeLessThan(means.adv);
  });

  it('orders TextDescriptives graded passages by grade', async () => {
    const books = readFileSync(path.join(corpus, 'textdescriptives/books.py'), 'utf8');
    const passages = [...books.matchAll(/^grade_(\d+) = """([\s\S]*?)"""/gm)].map((match) => ({
      grade: Number(match[1]),
      text: match[2] ?? '',
    }));
    expect(passages.length).toBeGreaterThanOrEqual(8);
    const grades = passages.map((passage) => passage.grade);
    const ours: number[] = [];
    for (const passage of passages) ours.push((await metricsOf(Buffer.from(passage.text), `grade ${passage.grade}`)).fleschKincaidGrade ?? 0);
    expect(spearman(grades, ours)).toBeGreaterThan(0.8);
  });

  it('flags clearly more hard sentences at each harder OneStopEnglish level', async () => {
    const folder = path.join(corpus, 'onestopenglish');
    const share: Record<string, number> = {};
    for (const level of ['Ele', 'Int', 'Adv']) {
      let sentences = 0;
      let hard = 0;
      for (const name of readdirSync(path.join(folder, level)).filter((file) => file.endsWith('.txt'))) {
        const loaded = await loadBuffer(readFileSync(path.join(folder, level, name)), name, 'text');
        if (!loaded.ok) throw new Error(loaded.error.message);
        const result = checkDocument(loaded.doc, hardSentences);
        sentences += result.metrics.sentences;
        hard += result.findings.length;
      }
      share[level] = hard / sentences;
    }
    // README "How well the scores work": 3.1%, 7.3% and 12.4% when calibrated.
    expect(share['Ele']).toBeLessThan(0.05);
    expect(share['Int']).toBeGreaterThan((share['Ele'] ?? 0) * 1.5);
    expect(share['Adv']).toBeGreaterThan((share['Int'] ?? 0) * 1.4);
  });
});
