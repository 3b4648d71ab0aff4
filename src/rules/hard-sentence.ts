/**
 * `readability/hard-sentence`: sentences that most readability formulas put above the target
 * reading age (standard 14, nhs 11, easy-read 9), from retext-readability run on each sentence.
 * A warning when 6 or all 7 formulas agree, information when 4 or 5 do.
 */
import retextReadability from 'retext-readability';
import { VFile } from 'vfile';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

type Transform = ReturnType<typeof retextReadability>;
const transforms = new Map<number, Transform>();

function transformFor(age: number): Transform {
  let transform = transforms.get(age);
  if (!transform) {
    transform = retextReadability({ age, minWords: 5, threshold: 4 / 7 });
    transforms.set(age, transform);
  }
  return transform;
}

const rule: Rule = {
  meta: {
    id: 'readability/hard-sentence',
    category: 'readability',
    severity: 'warning',
    pillar: 'inform',
    groups: ['everyone'],
    description: 'Sentences that most readability formulas judge too hard for the target reading age (14 by default).',
    note:
      'Long words and long sentences together make text hard to read. GOV.UK writes for a reading age of 9 and the NHS for 9 to 11; people reading in a second language, people with dyslexia and people who are tired after a caring shift all read more easily at that level.',
    seed: SEEDS.noJargon,
    fix: 'Use shorter, everyday words and split the sentence.',
    sources: [
      'retext-readability (retextjs/retext-readability, MIT): 7 formulas per sentence',
      'GOV.UK, “Writing for GOV.UK” (reading age 9)',
      'NHS service manual, “How we write” (reading age 9 to 11)',
    ],
    messages: {
      hard: 'This sentence is hard to read: {agree} of 7 readability formulas put it above reading age {age}. Use shorter words and split it.',
    },
    examples: {
      flagged: [
        'Individuals demonstrating exceptional organisational capabilities and comprehensive understanding of multidisciplinary safeguarding methodologies are particularly encouraged.',
      ],
      passes: ['We would like to hear from people who are good at planning their day.'],
    },
    fixable: false,
    origin: 'src/rules/hard-sentence.ts',
  },
  check(context) {
    const age = context.options.readingAge;
    const transform = transformFor(age);
    for (const block of context.doc.blocks) {
      if (block.kind === 'heading' || block.text === '') continue;
      const file = new VFile({ value: block.text });
      transform(context.analysis.of(block).tree, file);
      for (const message of file.messages) {
        const place = message.place;
        if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined) continue;
        const agree = /all 7/.test(message.reason) ? 7 : Number(/(\d+) out of/.exec(message.reason)?.[1] ?? 4);
        context.report({
          block,
          start: place.start.offset,
          end: place.end.offset,
          messageId: 'hard',
          data: { agree, age },
          severity: agree >= 6 ? 'warning' : 'info',
        });
      }
    }
  },
};

export default rule;
