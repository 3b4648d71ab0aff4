/**
 * Word forms and spellings for phrase patterns (./phrase-pattern.ts): the inflections of an
 * English word — plural or third person (-s, -es, -ies), past (-ed, -d, -ied) and -ing, with the
 * usual spelling changes (liaise → liaising, occur → occurred, apply → applied) and a short list
 * of irregular words (drive → drove, driven; chairman → chairmen) — and the American spellings of
 * a word written in British spelling (organise → organize, organisation → organization, colour →
 * color, licence → license, centre → center, programme → program, travelled → traveled).
 *
 * Inflections only, never derivations: utilise gives utilises, utilised, utilising, not
 * utilisation. The rules are deliberately simple and generous: a form that is not a real word
 * (deliverred) costs nothing because no text contains it. What matters is never to produce a
 * real word with another meaning, so a few such forms are never made (see FALSE_FRIENDS).
 */

/** Which forms: every inflection, or only the plural (the last word of a longer phrase is usually a noun). */
export type FormsMode = 'all' | 'plural';

/** Words that take no forms unless asked for with `~`. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor to of in on at by for with from into onto upon up down out off over under about as so if than then ' +
    'that this these those it its is be am are was were been being do does did done has have had having can could will would ' +
    'shall should may might must not no you your yours we our ours us they their theirs them he him his she her hers i me my ' +
    'mine who whom whose which what when where why how all any some each every both either neither such very too also only ' +
    'just own same other another more most less least much many few there here per via etc'
  ).split(' '),
);

/**
 * Forms that are words of their own, with another meaning: never generated (write them out when
 * they are meant). “the blind” must not find “the blinds”, “base” must not find “based in
 * London”, nor “dumb” find “dumbed down”.
 */
const FALSE_FRIENDS = new Set(
  (
    'blinds goods glasses arms customs spirits quarters premises minutes works grounds means damages spectacles looks odds ' +
    'remains wits savings earnings outgoings belongings surroundings proceedings lodgings confidences based building ' +
    'buildings meeting meetings setting settings training trainings housing parking cleaning nursing feeling feelings ending ' +
    'endings meaning meanings finding findings holding holdings boarding fitting fittings dressing dressings wedding timing ' +
    'living caring learning being marketing funding banking shopping lighting heating offering offerings painting paintings ' +
    'recording recordings reading readings writings sayings leaving leavings dumbed dumbing'
  ).split(' '),
);

/** Irregular plurals. */
const IRREGULAR_PLURALS: Readonly<Record<string, readonly string[]>> = {
  man: ['men'], woman: ['women'], child: ['children'], person: ['persons'], foot: ['feet'], tooth: ['teeth'],
  mouse: ['mice'], goose: ['geese'], life: ['lives'], wife: ['wives'], knife: ['knives'], half: ['halves'], leaf: ['leaves'],
  shelf: ['shelves'], self: ['selves'], wolf: ['wolves'], thief: ['thieves'], calf: ['calves'], loaf: ['loaves'],
  dwarf: ['dwarfs', 'dwarves'], scarf: ['scarfs', 'scarves'], analysis: ['analyses'], crisis: ['crises'],
  diagnosis: ['diagnoses'], criterion: ['criteria'], phenomenon: ['phenomena'], do: ['does'], go: ['goes'], have: ['has'],
};

/** Words ending in “man” whose plural is regular (humans, not humen). */
const REGULAR_MAN = new Set(['human', 'german', 'roman', 'shaman', 'talisman', 'ottoman', 'caiman', 'cayman', 'dolman']);

/**
 * Irregular past forms (the -s and -ing forms are regular). A past form that is a common word of
 * its own is left out (see → saw, lead → led, find → found), and so is the regular one, which
 * would be wrong or another word (see → seed).
 */
const IRREGULAR_PAST: Readonly<Record<string, readonly string[]>> = {
  be: [], do: ['did', 'done'], go: ['went', 'gone'], have: ['had'], make: ['made'], take: ['took', 'taken'],
  give: ['gave', 'given'], get: ['got', 'gotten'], drive: ['drove', 'driven'], bring: ['brought'], think: ['thought'],
  keep: ['kept'], hold: ['held'], run: ['ran'], hit: ['hit'], put: ['put'], set: ['set'], cut: ['cut'], let: ['let'],
  shut: ['shut'], speak: ['spoke', 'spoken'], write: ['wrote', 'written'], show: ['showed', 'shown'], feel: ['felt'],
  build: ['built'], sell: ['sold'], teach: ['taught'], tell: ['told'], lose: ['lost'], pay: ['paid'], say: ['said'],
  send: ['sent'], spend: ['spent'], stand: ['stood'], understand: ['understood'], win: ['won'], wear: ['wore', 'worn'],
  begin: ['began', 'begun'], choose: ['chose', 'chosen'], seek: ['sought'], fight: ['fought'], catch: ['caught'],
  deal: ['dealt'], mean: ['meant'], hear: ['heard'], sit: ['sat'], grow: ['grew', 'grown'], know: ['knew', 'known'],
  come: ['came'], become: ['became'], forget: ['forgot', 'forgotten'], undertake: ['undertook', 'undertaken'],
  oversee: ['oversaw', 'overseen'], draw: ['drew', 'drawn'], throw: ['threw', 'thrown'], sleep: ['slept'],
  fly: ['flew', 'flown'], learn: ['learned', 'learnt'], burn: ['burned', 'burnt'], spell: ['spelled', 'spelt'],
  dream: ['dreamed', 'dreamt'], buy: ['bought'], eat: ['ate', 'eaten'], swim: ['swam', 'swum'], lend: ['lent'],
  forgive: ['forgave', 'forgiven'], withdraw: ['withdrew', 'withdrawn'], overcome: ['overcame'], quit: ['quit', 'quitted'],
  see: ['seen'], lead: [], leave: [], find: [], meet: [], fall: ['fallen'], rise: ['risen'], arise: ['arisen'],
  bear: ['borne'], break: ['broken'], ring: ['rung'], lie: ['lied'], shoot: [], light: ['lighted'], feed: ['fed'],
  read: [], spread: ['spread'], hurt: ['hurt'], cost: ['cost'], beat: ['beaten'], strike: ['struck'], stick: ['stuck'],
};

/** Final syllables that double their consonant though the word is longer than one syllable (refer → referred). */
const STRESSED_END = /(?:[^f]fer|mit|quit|cur|bat|cap|nap|quip|trol|pel|bel|gret|mat|put|set|gin|gram|fit|ship)$/;

/** Adverbs and adjectives that take no forms: normally, collaboratively, various, youthful. */
const NO_FORMS_END = /(?:ally|ully|ously|ively|ently|antly|ingly|edly|ably|ibly|ately|ually|ous|ful)$/;

/** Plurals that do not end in s (men, children): already a form. */
const IRREGULAR_PLURAL_FORMS = new Set(['men', 'women', 'children', 'people', 'feet', 'teeth', 'mice', 'geese', 'criteria', 'phenomena']);

/** Singular words ending in -men (chairmen is a plural, specimen is not). */
const SINGULAR_MEN = new Set(['specimen', 'abdomen', 'omen', 'regimen', 'acumen', 'stamen', 'albumen', 'bitumen', 'hymen', 'lumen', 'amen']);

/** Verbs ending in -ic, which add k before -ed and -ing (panicked); other words in -ic are nouns or adjectives (clinic, heroic). */
const IC_VERBS = new Set(['panic', 'traffic', 'mimic', 'picnic', 'frolic']);

function vowelGroups(word: string): number {
  return word.replace(/qu/g, 'q').replace(/^y/, '').match(/[aeiouy]+/g)?.length ?? 0;
}

/** Whether a final consonant doubles before -ed and -ing: always, never, or both ways (travelled, traveled). */
function doubling(word: string): 'double' | 'no' | 'both' {
  if (!/(?:[^aeiou]|qu)[aeiou][^aeiouwxy]$/.test(word)) return 'no';
  if (vowelGroups(word) === 1) return 'double';
  if (/[aeiou][ls]$/.test(word) || STRESSED_END.test(word)) return 'both';
  return 'no';
}

/** Add an ending with the final-consonant rule. */
function withEnding(word: string, ending: string): string[] {
  const how = doubling(word);
  const doubled = word + word.slice(-1) + ending;
  if (how === 'double') return [doubled];
  if (how === 'both') return [word + ending, doubled];
  return [word + ending];
}

function plurals(word: string): string[] {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return [...irregular];
  if (word.endsWith('man') && word.length > 3 && !REGULAR_MAN.has(word)) return [`${word.slice(0, -3)}men`];
  if (/(?:s|x|z|ch|sh)$/.test(word)) return [`${word}es`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`];
  if (/[^aeiou]o$/.test(word)) return [`${word}s`, `${word}es`];
  return [`${word}s`];
}

function pastForms(word: string): string[] {
  const irregular = IRREGULAR_PAST[word];
  if (irregular) return [...irregular];
  if (word.endsWith('e')) return [`${word}d`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ied`];
  if (word.endsWith('ic')) return IC_VERBS.has(word) ? [`${word}ked`] : [];
  return withEnding(word, 'ed');
}

function ingForms(word: string): string[] {
  if (word === 'be') return ['being'];
  if (word.endsWith('ie')) return [`${word.slice(0, -2)}ying`];
  if (/(?:ee|oe|ye)$/.test(word) || word.length <= 2) return [`${word}ing`];
  if (word.endsWith('e')) return [`${word.slice(0, -1)}ing`];
  if (word.endsWith('ic')) return IC_VERBS.has(word) ? [`${word}king`] : [];
  return withEnding(word, 'ing');
}

/** True when a word looks like a form already (stakeholders, trained, caring) or an adverb. */
function looksInflected(word: string): boolean {
  if (word.length >= 5 && word.endsWith('ing')) return true;
  if (word.length >= 5 && word.endsWith('ed') && !word.endsWith('eed')) return true;
  if (word.endsWith('s') && !/(?:ss|us)$/.test(word)) return true;
  if (IRREGULAR_PLURAL_FORMS.has(word) || (word.endsWith('men') && !SINGULAR_MEN.has(word))) return true;
  return NO_FORMS_END.test(word);
}

type Casing = 'lower' | 'capital';

/** How a word is written: lower case or with a capital first letter (other mixes, such as acronyms, take no forms). */
function casingOf(word: string): Casing | null {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  if (word.length > 1 && word === lower[0]?.toUpperCase() + lower.slice(1)) return 'capital';
  return null;
}

function recase(word: string, casing: Casing): string {
  return casing === 'capital' ? (word[0]?.toUpperCase() ?? '') + word.slice(1) : word;
}

/**
 * The forms of a word, not including the word. `asked` is true when the pattern asks for them
 * with `~`: then short words and function words get their forms too (go~ → goes, went, gone).
 * A word that is not all letters, an acronym, or (unless asked) a short word, function word or
 * word that is already a form gets none.
 */
export function wordForms(word: string, mode: FormsMode, asked = false, keepFalseFriends = false): string[] {
  if (!/^\p{L}+$/u.test(word)) return [];
  const casing = casingOf(word);
  if (casing === null) return [];
  const lower = word.toLowerCase();
  const inflected = looksInflected(lower) && IRREGULAR_PLURALS[lower] === undefined;
  if (!asked && (lower.length < 3 || FUNCTION_WORDS.has(lower) || inflected)) return [];
  const forms = mode === 'plural' ? plurals(lower) : [...plurals(lower), ...pastForms(lower), ...ingForms(lower)];
  if (mode === 'all' && lower === 'age') forms.push('ageing');
  return [...new Set(forms)]
    .filter((form) => form !== lower && (keepFalseFriends || !FALSE_FRIENDS.has(form)))
    .map((form) => recase(form, casing));
}

// ------------------------------------------------------------------------------------ spellings

/** Words ending in -ise that are never -ize (advise, exercise, surprise…). */
const ISE_ONLY = new Set(
  (
    'advise advertise exercise supervise compromise enterprise franchise surprise revise devise televise comprise despise ' +
    'disguise improvise promise premise expertise merchandise otherwise circumcise excise incise demise reprise apprise ' +
    'praise braise cruise bruise chemise treatise mortise paradise porpoise tortoise turquoise valise likewise clockwise ' +
    'precise concise noise poise raise arise rise wise guise anise prise appraise'
  ).split(' '),
);

/** Words ending in -our that are the same in American spelling (hour, tour, contour…). */
const OUR_KEEP = new Set('our hour four your tour pour sour flour dour detour contour amour paramour velour troubadour devour scour'.split(' '));

/** British and American spellings of whole words. */
const SPELLING_PAIRS: Readonly<Record<string, string>> = {
  ageing: 'aging', judgement: 'judgment', judgements: 'judgments', acknowledgement: 'acknowledgment',
  acknowledgements: 'acknowledgments', enrol: 'enroll', enrols: 'enrolls', enrolment: 'enrollment', enrolments: 'enrollments',
  fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment', skilful: 'skillful', skilfully: 'skillfully',
  wilful: 'willful', instalment: 'installment', instalments: 'installments', grey: 'gray', catalogue: 'catalog',
  catalogues: 'catalogs', analogue: 'analog', plough: 'plow', mould: 'mold',
  aluminium: 'aluminum', sceptical: 'skeptical', sceptic: 'skeptic', manoeuvre: 'maneuver', manoeuvres: 'maneuvers',
  pyjamas: 'pajamas', cosy: 'cozy', doughnut: 'donut',
};

/** Medical words written with ae or oe in British spelling (paediatric, oedema): the American spelling has e. */
const AE_OE = /paed|haem|anaes|anaem|gynaec|leukaem|septicaem|orthopaed|encyclopaed|oesoph|oedem|oestr|foet|rrhoea|pnoea|homoeo/g;

const ENDINGS: readonly (readonly [RegExp, (match: RegExpExecArray) => string | null])[] = [
  // organise → organize, organisation → organization (not advise, exercise, liaise, raise…)
  [/^(.{2,}[^aeiou])is(e|es|ed|ing|er|ers|ation|ations|ational|able)$/, (m) => (ISE_ONLY.has(`${m[1]}ise`) ? null : `${m[1]}iz${m[2]}`)],
  // analyse → analyze, paralyse → paralyze
  [/^(.+)lys(e|es|ed|ing|er|ers)$/, (m) => `${m[1]}lyz${m[2]}`],
  // colour → color, behaviour → behavior, favourite → favorite (not hour, tour)
  [
    /^(.+)our(s|ed|ing|ite|ites|able|ably|ful|fully|less|er|ers|ist|ists|ism|al|ally|hood|hoods)?$/,
    (m) => (OUR_KEEP.has(`${m[1]}our`) ? null : `${m[1]}or${m[2] ?? ''}`),
  ],
  // licence → license, offence → offense
  [/^(.*)(lic|def|off|pret)enc(e|es)$/, (m) => `${m[1]}${m[2]}ens${m[3]}`],
  // centre → center, litre → liter, centred → centered
  [/^(.*)(cent|theat|met|lit|fib|calib|sab|somb|spect|meag|lust)r(e|es|ed)$/, (m) => `${m[1]}${m[2]}er${m[3] === 'e' ? '' : m[3] === 'es' ? 's' : 'ed'}`],
  [/^(.*)centring$/, (m) => `${m[1]}centering`],
  // programme → program
  [/^(.*)programme(s?)$/, (m) => `${m[1]}program${m[2]}`],
  // travelled → traveled, counsellor → counselor (a word of two syllables or more before the ll)
  [/^(.*[aeiou][^aeiou]+[aeiou])ll(ed|ing|er|ers|or|ors)$/, (m) => `${m[1]}l${m[2]}`],
];

/** The American spellings of a word written in British spelling (none when it is the same). */
export function spellings(word: string): string[] {
  if (!/^\p{L}+$/u.test(word)) return [];
  const casing = casingOf(word);
  if (casing === null) return [];
  const lower = word.toLowerCase();
  const found = new Set<string>();
  const pair = SPELLING_PAIRS[lower];
  if (pair) found.add(pair);
  const medical = lower.replace(AE_OE, (part) => part.replace(/[ao]e/, 'e'));
  if (medical !== lower) found.add(medical);
  for (const candidate of new Set([lower, medical])) {
    for (const [pattern, replace] of ENDINGS) {
      const match = pattern.exec(candidate);
      const result = match ? replace(match) : null;
      if (result && result !== candidate) found.add(result);
    }
  }
  found.delete(word.toLowerCase());
  return [...found].map((spelling) => recase(spelling, casing));
}

/** wordVariants, by its arguments: the packs use the same words again and again. */
const variantsCache = new Map<string, readonly string[]>();

/**
 * A word with its other spellings and (when `mode` is given) its forms in every spelling: the
 * word first, then the rest, without repeats.
 */
export function wordVariants(
  word: string,
  mode: FormsMode | null,
  options: { readonly spell?: boolean; readonly asked?: boolean; readonly keepFalseFriends?: boolean } = {},
): string[] {
  const spell = options.spell ?? true;
  const asked = options.asked ?? false;
  const keep = options.keepFalseFriends ?? false;
  const key = `${word}\u0000${mode}\u0000${spell}\u0000${asked}\u0000${keep}`;
  const known = variantsCache.get(key);
  if (known) return [...known];
  const out = new Set<string>([word]);
  const spelt = spell ? [word, ...spellings(word)] : [word];
  for (const base of spelt) {
    out.add(base);
    if (mode === null) continue;
    for (const form of wordForms(base, mode, asked, keep)) {
      out.add(form);
      if (spell) for (const other of spellings(form)) out.add(other);
    }
  }
  const variants = [...out];
  variantsCache.set(key, variants);
  return [...variants];
}

const everyFormCache = new Map<string, ReadonlySet<string>>();

/** A lower-case word's forms and spellings, false friends included. */
function everyForm(word: string): ReadonlySet<string> {
  let forms = everyFormCache.get(word);
  if (!forms) {
    forms = new Set(wordVariants(word, 'all', { asked: true, keepFalseFriends: true }));
    everyFormCache.set(word, forms);
  }
  return forms;
}

/** True when one of two words is a form or spelling of the other (liaise, liaised; utilise, utilize). */
export function sameWord(a: string, b: string): boolean {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA === lowerB) return false;
  return everyForm(lowerA).has(lowerB) || everyForm(lowerB).has(lowerA);
}
