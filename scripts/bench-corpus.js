/**
 * The benchmark's corpus (see scripts/bench.js): adverts made from the paragraphs of the bundled
 * adverts in fixtures/adverts, in a different seeded order for each advert number, so every run
 * of the benchmark checks the same documents. Markdown, Word and PDF adverts share one text per
 * number; the HTML adverts are whole job-board pages (like an NHS Jobs advert) around the same
 * paragraphs.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The file name of advert `n`, sorted by number: advert-00000.md and so on. */
export const advertName = (n, extension) => `advert-${String(n).padStart(5, '0')}.${extension}`;

/** Paragraph-level pieces of the bundled adverts, for making varied adverts of about 600 words. */
export function pieces() {
  const texts = ['fixtures/adverts/healthcare-assistant-jargon.md', 'fixtures/adverts/support-worker-plain.md', 'fixtures/adverts/exclusionary.md', 'fixtures/adverts/context-cases.md'].map((file) =>
    readFileSync(path.join(root, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
  );
  return texts.flatMap((text) => text.split(/\n{2,}/).map((part) => part.trim()).filter((part) => part !== '' && !part.startsWith('#')));
}

/** A seeded sequence of 32-bit numbers (a linear congruential generator), shared by the shuffle and the page choices. */
function sequence(seed) {
  let state = seed * 2654435761 % 4294967296;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state;
  };
}

/** A seeded shuffle, so every run of the benchmark checks the same corpus. */
export function shuffled(items, seed) {
  const out = [...items];
  const next = sequence(seed);
  for (let index = out.length - 1; index > 0; index--) {
    const other = next() % (index + 1);
    [out[index], out[other]] = [out[other], out[index]];
  }
  return out;
}

/** Advert `n`: a title, then sections of paragraphs, about 600 words. */
export function advert(parts, n) {
  const chosen = [];
  let words = 0;
  for (const part of shuffled(parts, n + 1)) {
    if (words > 600) break;
    chosen.push(part);
    words += part.split(/\s+/).length;
  }
  const sections = ['About the job', 'What you will do', 'Pay and hours', 'How to apply'];
  const blocks = [`# Support worker ${n + 1}`];
  chosen.forEach((part, index) => {
    if (index % 3 === 0) blocks.push(`## ${sections[(index / 3) % sections.length]}`);
    blocks.push(part);
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Markdown blocks as plain paragraphs: headings and list items keep their words. */
function plainBlocks(markdown) {
  return markdown.split(/\n{2,}/).flatMap((block) => {
    const heading = /^(#+)\s+(.*)$/.exec(block);
    if (heading) return [{ heading: heading[1].length, text: heading[2] }];
    return block.split('\n').map((line) => ({ heading: 0, text: line.replace(/^(?:[-*]|\d+\.)\s+/, '').replace(/[*_`>]/g, '') }));
  });
}

/** A Word file of a Markdown advert: headings as Word headings, every other line a paragraph. */
async function writeWord(markdown, file) {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const children = plainBlocks(markdown).map((block) =>
    block.heading > 0
      ? new Paragraph({ heading: levels[block.heading - 1], children: [new TextRun(block.text)] })
      : new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(block.text)] }),
  );
  writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** A PDF of a Markdown advert, in Helvetica (so only Latin-1 characters; the others are replaced). */
async function writePdf(markdown, file) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const width = 595 - 2 * 56;
  let page = pdf.addPage([595, 842]);
  let y = 842 - 56;
  for (const block of plainBlocks(markdown)) {
    const fontSize = block.heading > 0 ? 16 - block.heading * 2 : size;
    const lines = [];
    let line = '';
    for (const word of block.text.replace(/[^\x20-\x7e£–—’“”]/g, ' ').split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next.replace(/[£–—’“”]/g, '-'), fontSize) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const text of lines) {
      if (y < 56) {
        page = pdf.addPage([595, 842]);
        y = 842 - 56;
      }
      page.drawText(text.replace(/[£]/g, 'GBP ').replace(/[–—]/g, '-').replace(/[’]/g, "'").replace(/[“”]/g, '"'), { x: 56, y, size: fontSize, font });
      y -= fontSize * 1.4;
    }
    y -= size * 0.8;
  }
  writeFileSync(file, await pdf.save({ useObjectStreams: false }));
}

// ---------------------------------------------------------------- HTML job-board pages

const PLACES = [
  'Alderbrook', 'Ashcombe Vale', 'Brackenridge', 'Calderwick', 'Dunmere', 'Elmsworth', 'Fennick', 'Glenholme', 'Hartmoor', 'Kestrel Bay',
  'Larkmead', 'Marrowby', 'Northcote Downs', 'Oakhurst', 'Penmarrow', 'Quarrybank', 'Redwater', 'Saltmere', 'Upperwold', 'Westerholm',
];
const TRUST_KINDS = ['NHS Foundation Trust', 'Hospitals NHS Trust', 'University Hospitals NHS Foundation Trust', 'Community Healthcare NHS Trust', 'and District NHS Foundation Trust'];
const SITES = ['General Hospital', 'Community Hospital', 'Health Centre', 'Royal Infirmary', 'Treatment Centre'];
const JOBS = [
  ['Healthcare assistant', 2], ['Senior healthcare assistant', 3], ['Support worker', 3], ['Maternity support worker', 3],
  ['Clinical support worker', 2], ['Assistant practitioner', 4], ['Audiology assistant', 3], ['Mental health support worker', 3],
  ['Pharmacy assistant', 2], ['Phlebotomist', 2], ['Ward clerk', 2], ['Therapy support worker', 3], ['Nursery nurse', 4],
];
/** Agenda for Change pay, 2024/25, as job boards print it. */
const SALARIES = { 2: '£23,615 a year', 3: '£24,071 to £25,674 a year', 4: '£26,530 to £29,114 a year' };
const DEPARTMENTS = [
  'Older adults ward', 'Emergency department', 'Maternity unit', 'Community nursing', "Children's audiology", 'Outpatients',
  'Pharmacy', 'Stroke unit', 'Adult mental health inpatients', 'Phlebotomy service', 'Day surgery', 'Learning disability service',
];
const PATTERNS = ['Full time', 'Part time', 'Full time, Part time', 'Full time, Flexible working', 'Part time, Flexible working', 'Full time, Part time, Flexible working'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CONTACTS = [
  ['Amina Yusuf', 'Ward manager'], ['Tom Hughes', 'Recruitment lead'], ['Priya Shah', 'Team leader'], ['Grace Okafor', 'Matron'],
  ['Daniel Evans', 'Service manager'], ['Siobhan Kelly', 'Deputy ward manager'], ['Marek Nowak', 'Clinical lead'], ['Fatima Begum', 'Practice educator'],
  ['Owen Price', 'Operational manager'], ['Li Wei', 'Senior sister'],
];
/** Person specification rows: the criterion, then what is essential and what is desirable. */
const CRITERIA = [
  ['Qualifications', ['GCSE English and maths at grade 4 (C) or above, or equivalent', 'Care Certificate, or willing to complete it in your first 12 weeks', 'Level 2 in functional skills English and maths'], ['NVQ level 3 in health and social care', 'A first aid certificate']],
  ['Experience', ['Experience of caring for people, paid or unpaid', 'Experience of working in a team'], ['Experience in a hospital, care home or community setting', 'Experience of working with people with dementia']],
  ['Skills and knowledge', ['Good communication skills, in writing and in person', 'Able to use a computer for email and patient records', 'Able to follow instructions and ask for help'], ['Knowledge of infection control', 'Able to speak a community language']],
  ['Values', ['Treats people with kindness, dignity and respect', 'Willing to learn and take on feedback'], ['Interest in a career in health or care']],
  ['Other requirements', ['Able to work shifts, including some nights and weekends', 'Enhanced DBS check'], ['A full driving licence']],
];
const SHIFTS = [['Early', '7am to 3pm'], ['Late', '1pm to 9pm'], ['Long day', '7:30am to 8pm'], ['Night', '8pm to 7:30am']];
const DETAIL_HEADINGS = ['Your role', 'Training and development', 'Hours and pay', 'Who we are looking for', 'How to apply', 'Support to apply'];

export const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words in text: runs of letters or digits, as a reader would count them. */
export const wordCount = (text) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’,.-]*/gu) ?? []).length;

/** The words a reader sees on a page: the body's text, without tags. */
export const pageWords = (html) => wordCount(html.slice(html.indexOf('<body')).replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/g, ' '));

/** Whether a piece of a bundled advert is a bulleted list (the job board's “main duties” list). */
const isBulleted = (piece) => piece.split('\n').every((line) => /^[-*]\s/.test(line));

/** One piece of a bundled advert as HTML: a list, a quote or a paragraph. */
function pieceHtml(piece) {
  const lines = piece.split('\n');
  if (isBulleted(piece)) return ['<ul>', ...lines.map((line) => `  <li>${escapeHtml(line.replace(/^[-*]\s+/, ''))}</li>`), '</ul>'];
  if (lines.every((line) => /^\d+\.\s/.test(line))) return ['<ol>', ...lines.map((line) => `  <li>${escapeHtml(line.replace(/^\d+\.\s+/, ''))}</li>`), '</ol>'];
  if (lines.every((line) => line.startsWith('>'))) return [`<blockquote><p>${escapeHtml(lines.map((line) => line.replace(/^>\s?/, '')).join(' '))}</p></blockquote>`];
  return [`<p>${escapeHtml(lines.join(' '))}</p>`];
}

/**
 * The facts of page `n`, chosen from the seeded sequence: the key fields, which optional parts
 * appear, and the pieces it may draw its paragraphs from. Kept apart from the markup so the
 * page can be drawn once without its paragraphs, to count the words they must add.
 */
function pageFacts(parts, n) {
  const next = sequence(n + 7919);
  const pick = (list) => list[Math.floor((next() / 4294967296) * list.length)];
  const chance = (share) => next() / 4294967296 < share;
  const place = pick(PLACES);
  const [title, band] = pick(JOBS);
  const pattern = pick(PATTERNS);
  const [contactName, contactRole] = pick(CONTACTS);
  const bulleted = parts.filter(isBulleted);
  const withList = chance(0.8);
  const letters = place.replace(/[^A-Z]/g, '').padEnd(2, 'X');
  return {
    n,
    title,
    employer: `${place} ${pick(TRUST_KINDS)}`,
    department: pick(DEPARTMENTS),
    location: `${place} ${pick(SITES)}, ${place}, ${letters}${1 + (n % 19)} ${1 + (n % 9)}${letters[0]}Q`,
    salary: `${SALARIES[band]}${pattern === 'Part time' ? ' pro rata' : ''}`,
    band: `Band ${band}`,
    contract: chance(0.75) ? 'Permanent' : 'Fixed term: 12 months',
    pattern,
    hours: chance(0.5) ? (pattern.startsWith('Part time') ? '22.5 hours a week' : '37.5 hours a week') : null,
    reference: `${'ABCDEFGHJK'[n % 10]}${1 + (n % 9)}${String(100 + (n % 900))}-26-${String(n).padStart(5, '0')}`,
    closing: `${1 + (next() % 28)} ${pick(MONTHS)} 2027`,
    keyFieldsAsTable: chance(0.25),
    headings: { overview: pick(['Job overview', 'Job summary']), duties: pick(['Main duties of the job', 'Main duties']), about: pick(['About us', 'Working for our organisation']) },
    withAbout: chance(0.7),
    duties: withList ? pick(bulleted) : null,
    criteria: CRITERIA.filter((_, index) => index < 3 || chance(0.5)).map(([name, essential, desirable]) => [name, shuffled(essential, next() % 1000).slice(0, 1 + (next() % 2)), shuffled(desirable, next() % 1000).slice(0, 1)]),
    shifts: chance(0.3) ? SHIFTS.filter((_, index) => index < 2 || chance(0.5)) : null,
    contact: { name: contactName, role: contactRole, email: `${contactName.toLowerCase().replace(/\s+/g, '.')}@${place.toLowerCase().replace(/\s+/g, '')}.nhs.example`, phone: `01632 960${String(n % 1000).padStart(3, '0')}` },
    pool: shuffled(parts.filter((part) => !isBulleted(part)), n + 1),
    target: 450 + (next() % 201),
  };
}

/** Label/value rows, as a `<dl>` or as a two-column table (job boards use both). */
function fieldRows(fields, asTable) {
  const shown = fields.filter(([, value]) => value !== null);
  if (asTable) return ['<table class="key-fields">', '  <tbody>', ...shown.map(([label, value]) => `    <tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`), '  </tbody>', '</table>'];
  return ['<dl class="key-fields">', ...shown.flatMap(([label, value]) => [`  <dt>${escapeHtml(label)}</dt>`, `  <dd>${value}</dd>`]), '</dl>'];
}

/** A table with a header row (and a caption, unless `caption` is null), the way a job board draws a person specification or a shift pattern. */
function headedTable(caption, header, rows) {
  const cell = (items) => (items.length === 1 ? escapeHtml(items[0]) : items.map((item) => `<p>${escapeHtml(item)}</p>`).join(''));
  return [
    '<table>',
    ...(caption ? [`  <caption>${escapeHtml(caption)}</caption>`] : []),
    `  <thead><tr>${header.map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join('')}</tr></thead>`,
    '  <tbody>',
    ...rows.map(([first, ...rest]) => `    <tr><th scope="row">${escapeHtml(first)}</th>${rest.map((items) => `<td>${cell([items].flat())}</td>`).join('')}</tr>`),
    '  </tbody>',
    '</table>',
  ];
}

/** Page `facts` with `paragraphs` (pieces of the bundled adverts) as its description. */
function renderPage(facts, paragraphs) {
  const text = paragraphs.map(pieceHtml);
  const overview = text.splice(0, paragraphs.length >= 6 ? 2 : 1);
  const duties = text.splice(0, 1);
  const about = facts.withAbout ? text.splice(0, 1) : [];
  const detail = text.flatMap((lines, index) => (index % 2 === 0 ? [`<h3>${DETAIL_HEADINGS[(index / 2 + facts.n) % DETAIL_HEADINGS.length]}</h3>`, ...lines] : lines));
  const body = [
    `<h1>${escapeHtml(facts.title)}</h1>`,
    `<p class="employer">${escapeHtml(facts.employer)}</p>`,
    ...fieldRows(
      [
        ['Employer', escapeHtml(facts.employer)], ['Department', escapeHtml(facts.department)], ['Location', escapeHtml(facts.location)],
        ['Salary', escapeHtml(facts.salary)], ['Band', facts.band], ['Contract', facts.contract], ['Working pattern', facts.pattern],
        ['Hours', facts.hours], ['Reference number', facts.reference], ['Closing date', facts.closing],
      ],
      facts.keyFieldsAsTable,
    ),
    `<h2>${facts.headings.overview}</h2>`,
    ...overview.flat(),
    `<h2>${facts.headings.duties}</h2>`,
    ...duties.flat(),
    ...(facts.duties ? pieceHtml(facts.duties) : []),
    ...(about.length > 0 ? [`<h2>${facts.headings.about}</h2>`, ...about.flat()] : []),
    ...(detail.length > 0 ? ['<h2>Detailed job description and main responsibilities</h2>', ...detail] : []),
    ...(facts.shifts ? headedTable('Shift pattern', ['Shift', 'Times', 'Days'], facts.shifts.map(([name, times]) => [name, times, 'Monday to Sunday, on a rota'])) : []),
    '<h2>Person specification</h2>',
    ...headedTable(null, ['Criteria', 'Essential', 'Desirable'], facts.criteria),
    '<h2>Contact details</h2>',
    ...fieldRows(
      [
        ['Name', escapeHtml(facts.contact.name)], ['Job title', escapeHtml(facts.contact.role)],
        ['Email address', `<a href="mailto:${facts.contact.email}">${facts.contact.email}</a>`], ['Telephone number', facts.contact.phone],
      ],
      false,
    ),
  ];
  return jobBoardFrame(`${facts.title} - ${facts.employer} - NHS Jobs`, body);
}

/** A page of the job board around `body` (its lines): the site's header, navigation and footer. */
export function jobBoardFrame(title, body) {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    '<header class="site-header">',
    '  <a class="logo" href="/">NHS Jobs</a>',
    '  <nav aria-label="Main"><ul><li><a href="/candidate/search">Search for jobs</a></li><li><a href="/candidate/saved">Saved jobs</a></li><li><a href="/candidate/applications">Your applications</a></li><li><a href="/help">Help</a></li></ul></nav>',
    '</header>',
    '<main id="main-content">',
    ...body.map((line) => `  ${line}`),
    '</main>',
    '<footer>',
    '  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookies</a></li><li><a href="/accessibility">Accessibility statement</a></li></ul>',
    '  <p>© Crown copyright</p>',
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Job-board page `n`: 450 to 650 words (the number varies with `n`). The key fields, tables and
 * contact come first; paragraphs are added from the shuffled pieces until the page reaches its
 * length, skipping any that would take it past 650 words. The headings that come with the
 * paragraphs are not counted until the page is drawn, so a page that ends up over 650 words
 * loses its last paragraphs.
 */
export function jobBoardPage(parts, n) {
  const facts = pageFacts(parts, n);
  let words = pageWords(renderPage(facts, []));
  const chosen = [];
  for (const part of facts.pool) {
    if (words >= facts.target) break;
    const more = wordCount(part);
    if (words + more > 650) continue;
    chosen.push(part);
    words += more;
  }
  let page = renderPage(facts, chosen);
  while (chosen.length > 0 && pageWords(page) > 650) {
    chosen.pop();
    page = renderPage(facts, chosen);
  }
  return page;
}

/**
 * Write the corpus into `work`: `counts.markdown`, `.html`, `.word` and `.pdf` adverts in one
 * folder each, and for `scale` (sizes of HTML corpora) the largest once, the smaller ones as
 * copies of its first files. Returns the folders by format, and the scale folders by size.
 */
export async function buildCorpus(work, counts, scale) {
  const parts = pieces();
  const folders = {};
  const writeAll = async (format, extension, n, write) => {
    folders[format] = path.join(work, format);
    mkdirSync(folders[format]);
    for (let index = 0; index < n; index++) await write(index, path.join(folders[format], advertName(index, extension)));
  };
  await writeAll('markdown', 'md', counts.markdown, (n, file) => writeFileSync(file, advert(parts, n)));
  await writeAll('html', 'html', counts.html, (n, file) => writeFileSync(file, jobBoardPage(parts, n)));
  await writeAll('word', 'docx', counts.word, (n, file) => writeWord(advert(parts, n), file));
  await writeAll('pdf', 'pdf', counts.pdf, (n, file) => writePdf(advert(parts, n), file));
  const scaleFolders = {};
  const largest = Math.max(0, ...scale);
  for (const size of [...scale].sort((a, b) => b - a)) {
    scaleFolders[size] = path.join(work, `scale-${size}`);
    mkdirSync(scaleFolders[size]);
    for (let n = 0; n < size; n++) {
      const name = advertName(n, 'html');
      if (size === largest) writeFileSync(path.join(scaleFolders[size], name), jobBoardPage(parts, n));
      else copyFileSync(path.join(scaleFolders[largest], name), path.join(scaleFolders[size], name));
    }
  }
  return { folders, scaleFolders };
}
