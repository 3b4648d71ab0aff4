/**
 * The corpus of `recruit-check audit`'s tests (test/audit): job-board adverts in HTML (laid out
 * like NHS Jobs pages, as in scripts/bench-corpus.js), in a few folders, whose content is known
 * exactly. Each advert gives a chosen set of the required topics an advert's scorecard lists (pay,
 * hours, adjustments…) and leaves out the rest, and holds a chosen set of barriers (a driving
 * licence, “native English speaker”…) that the checker reports as one finding each. The manifest
 * says which, so a test can work out what an audit of the folder must report.
 *
 * Everything comes from seeded generators: the same seed writes byte-identical files. Every
 * sentence of the adverts is written so that it gives only the topics it is meant to: a sentence
 * that also gives another topic (“We will book a BSL interpreter for your interview” gives BSL
 * support and the selection process) says so in its `needs`, and is used only where the advert
 * gives all of them. test/audit/corpus-generator.test.ts checks the manifest against the real
 * command.
 *
 * `fixAuditCorpus` then changes the corpus the way a workforce team might between two audits,
 * rewriting only the files it changes (from the same seed, so the rest of their text stays).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml, jobBoardFrame } from './bench-corpus.js';

// ---------------------------------------------------------------- names

/** The topics an advert's scorecard lists, by pillar, as the checker names them. */
export const TOPICS = [
  'pay', 'hours', 'location', 'contract type', 'how to apply', 'selection process', 'main tasks', 'closing date', 'Access to Work', 'right to work',
  'training and progression',
  'overseas qualifications',
  'welcome statement',
  'flexible working', 'adjustments', 'BSL and communication support', 'informal chat or visit', 'other formats', 'support for carers', 'ways to get in touch',
];

/** The barriers the generator puts in: rule ids the checker reports once for each sentence written. */
export const BARRIER_RULES = [
  'inclusive-language/driving-licence',
  'inclusive-language/language-nationality-requirement',
  'inclusive-language/continuous-employment',
  'inclusive-language/years-of-experience',
  'inclusive-language/ability-requirement',
  'inclusive-language/previous-applicants-barred',
];
const [DRIVING, NATIVE, GAPS, YEARS, LIFTING, PREVIOUS] = BARRIER_RULES;

// ---------------------------------------------------------------- seeded choices

/** FNV-1a hash of a string, as a 32-bit seed. */
function hash(text) {
  let value = 2166136261;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 16777619) >>> 0;
  }
  return value;
}

/** A seeded generator (mulberry32) of numbers in [0, 1), named by `parts`, so each choice has its own stream. */
function random(...parts) {
  let state = hash(parts.join('\u0000'));
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one stream: pick one, pick some, shuffle, chance. */
function chooser(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const shuffle = (list) => {
    const out = [...list];
    for (let index = out.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [out[index], out[other]] = [out[other], out[index]];
    }
    return out;
  };
  return { next, pick, shuffle, some: (list, count) => shuffle(list).slice(0, count), chance: (share) => next() < share, int: (low, high) => low + Math.floor(next() * (high - low + 1)) };
}

const choices = (...parts) => chooser(random(...parts));

/** Split `total` by `weights`, largest remainder first, so the parts add up exactly. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - Math.floor(value), index]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let given = parts.reduce((a, b) => a + b, 0), k = 0; given < total; given++, k++) parts[order[k % order.length][1]]++;
  return parts;
}

// ---------------------------------------------------------------- the folders

/**
 * The folders: their share of the corpus, their employers (name and share; null is an advert
 * with no Employer row), the jobs they advertise, and how often each topic is left out and each
 * barrier put in (defaults below, changed per folder so folders differ).
 */
const FOLDERS = [
  {
    name: 'north-trust', share: 30, pay: 'band',
    employers: [['Northcote Downs NHS Foundation Trust', 64], ['Hartmoor and District NHS Trust', 30], [null, 6]],
    jobs: ['Healthcare assistant', 'Senior healthcare assistant', 'Clinical support worker', 'Maternity support worker', 'Phlebotomist', 'Assistant practitioner', 'Pharmacy assistant'],
    missing: { pay: 0.2, 'closing date': 0.15, 'how to apply': 0.2, 'right to work': 0.45, 'Access to Work': 0.5, 'informal chat or visit': 0.3 },
    barriers: { [DRIVING]: 0.15, [NATIVE]: 0.1, [GAPS]: 0.2, [YEARS]: 0.3, [LIFTING]: 0.15, [PREVIOUS]: 0.1 },
  },
  {
    name: 'south-trust', share: 24, pay: 'band',
    employers: [['Saltmere and Redwater NHS Foundation Trust', 92], [null, 8]],
    jobs: ['Healthcare assistant', 'Clinical support worker', 'Therapy support worker', 'Phlebotomist', 'Audiology assistant', 'Assistant practitioner'],
    missing: { pay: 0.3, hours: 0.2, 'training and progression': 0.15, 'other formats': 0.5, 'BSL and communication support': 0.45, 'welcome statement': 0.15 },
    barriers: { [DRIVING]: 0.1, [NATIVE]: 0.15, [GAPS]: 0.1, [YEARS]: 0.2, [LIFTING]: 0.25, [PREVIOUS]: 0.15 },
  },
  {
    name: 'community-care', share: 18, pay: 'hourly',
    employers: [['Westerholm Community Healthcare NHS Trust', 50], ['Larkmead Care Partnership', 40], [null, 10]],
    jobs: ['Care support worker', 'Community support worker', 'Healthcare assistant', 'Therapy support worker'],
    missing: { pay: 0.4, location: 0.3, 'contract type': 0.35, 'flexible working': 0.2, 'support for carers': 0.25, 'selection process': 0.3 },
    barriers: { [DRIVING]: 0.4, [NATIVE]: 0.1, [GAPS]: 0.25, [YEARS]: 0.15, [LIFTING]: 0.3, [PREVIOUS]: 0.1 },
  },
  {
    name: 'agency', share: 12, pay: 'hourly',
    employers: [['Brightpath Health Staffing', 70], [null, 30]],
    jobs: ['Healthcare assistant', 'Care support worker', 'Domestic assistant', 'Receptionist'],
    missing: { pay: 0.5, location: 0.45, 'contract type': 0.2, 'main tasks': 0.3, 'adjustments': 0.5, 'welcome statement': 0.45, 'ways to get in touch': 0.35 },
    barriers: { [DRIVING]: 0.25, [NATIVE]: 0.3, [GAPS]: 0.4, [YEARS]: 0.35, [LIFTING]: 0.2, [PREVIOUS]: 0.3 },
  },
  {
    name: 'primary-care', share: 10, pay: 'band',
    employers: [['Fennick Primary Care Network', 60], ['Oakhurst Medical Practice', 30], [null, 10]],
    jobs: ['Receptionist', 'Medical secretary', 'Healthcare assistant', 'Phlebotomist', 'Administrator'],
    missing: { hours: 0.35, 'selection process': 0.4, 'overseas qualifications': 0.2, 'support for carers': 0.45, 'flexible working': 0.35 },
    barriers: { [DRIVING]: 0.1, [NATIVE]: 0.2, [GAPS]: 0.15, [YEARS]: 0.4, [LIFTING]: 0.1, [PREVIOUS]: 0.2 },
  },
  {
    name: 'mental-health', share: 6, pay: 'band',
    employers: [['Upperwold Mental Health NHS Trust', 60], ['Hartmoor and District NHS Trust', 34], [null, 6]],
    jobs: ['Mental health support worker', 'Healthcare assistant', 'Administrator', 'Clinical support worker'],
    missing: { 'main tasks': 0.2, 'right to work': 0.2, 'adjustments': 0.15, 'informal chat or visit': 0.15, 'ways to get in touch': 0.2, 'overseas qualifications': 0.45 },
    barriers: { [DRIVING]: 0.2, [NATIVE]: 0.15, [GAPS]: 0.3, [YEARS]: 0.1, [LIFTING]: 0.15, [PREVIOUS]: 0.25 },
  },
];

/** How often each topic is left out, unless the folder says otherwise. */
const MISSING = {
  pay: 0.25, hours: 0.15, location: 0.15, 'contract type': 0.25, 'how to apply': 0.15, 'selection process': 0.25, 'main tasks': 0.15,
  'closing date': 0.2, 'Access to Work': 0.4, 'right to work': 0.3, 'training and progression': 0.25, 'overseas qualifications': 0.3,
  'welcome statement': 0.25, 'flexible working': 0.3, adjustments: 0.3, 'BSL and communication support': 0.35, 'informal chat or visit': 0.25,
  'other formats': 0.4, 'support for carers': 0.35, 'ways to get in touch': 0.15,
};

/** The place, sites and email domain of each employer. */
const EMPLOYER_PLACES = {
  'Northcote Downs NHS Foundation Trust': ['Northcote Downs', 'northcotedowns.nhs.example'],
  'Hartmoor and District NHS Trust': ['Hartmoor', 'hartmoor.nhs.example'],
  'Saltmere and Redwater NHS Foundation Trust': ['Saltmere', 'saltmere-redwater.nhs.example'],
  'Westerholm Community Healthcare NHS Trust': ['Westerholm', 'westerholm.nhs.example'],
  'Larkmead Care Partnership': ['Larkmead', 'larkmeadcare.example'],
  'Brightpath Health Staffing': ['Kestrel Bay', 'brightpath.example'],
  'Fennick Primary Care Network': ['Fennick', 'fennickpcn.nhs.example'],
  'Oakhurst Medical Practice': ['Oakhurst', 'oakhurstpractice.nhs.example'],
  'Upperwold Mental Health NHS Trust': ['Upperwold', 'upperwold.nhs.example'],
};
/** Places of adverts that name no employer. */
const PLACES = ['Alderbrook', 'Ashcombe Vale', 'Brackenridge', 'Calderwick', 'Dunmere', 'Elmsworth', 'Glenholme', 'Marrowby', 'Penmarrow', 'Redwater'];

// ---------------------------------------------------------------- the jobs

/** Each job: its band, and the things it involves (a main duties list is drawn from them). */
const JOBS = {
  'Healthcare assistant': [2, ['Help people wash, dress and eat', 'Check and record blood pressure, pulse and temperature', 'Help people move safely, using hoists and other equipment', 'Keep clear notes on the electronic patient record', 'Make beds and keep bays clean and tidy', 'Tell the nurse in charge about any change in how a patient is', 'Help families and visitors find what they need']],
  'Senior healthcare assistant': [3, ['Look after a group of patients with the nurse in charge', 'Take blood samples and record test results', 'Show new healthcare assistants how things are done', 'Check and record blood pressure, pulse and temperature', 'Order stock and keep the store room tidy', 'Keep clear notes on the electronic patient record']],
  'Clinical support worker': [3, ['Take blood samples and do ECGs', 'Check and record blood pressure, pulse and temperature', 'Help people move safely, using hoists and other equipment', 'Keep clear notes on the electronic patient record', 'Get rooms and equipment ready for each patient', 'Help people with eating and drinking']],
  'Maternity support worker': [3, ['Help new parents with feeding and caring for their baby', 'Check and record the health of parents and babies', 'Keep clear notes on the electronic patient record', 'Make beds and keep bays clean and tidy', 'Help midwives during checks and scans']],
  'Mental health support worker': [3, ['Spend time with people, listening and helping them through the day', 'Run group activities, such as cooking, walks and games', 'Help people plan their week and keep to it', 'Keep clear notes on the electronic patient record', 'Help keep everyone safe, with the rest of the team']],
  'Phlebotomist': [2, ['Take blood samples from adults and children', 'Label samples and send them to the lab', 'Explain to each patient what will happen and answer their worries', 'Keep clear notes on the electronic patient record', 'Keep the room clean and the equipment ready']],
  'Pharmacy assistant': [2, ['Pick and pack medicines for patients', 'Check deliveries and put stock away', 'Keep clear notes of stock on the computer', 'Help pharmacists get medicines ready', 'Keep the dispensary clean and tidy']],
  'Assistant practitioner': [4, ['Look after a group of patients with the nurse in charge', 'Take blood samples and do ECGs', 'Change simple dressings', 'Check and record blood pressure, pulse and temperature', 'Show new healthcare assistants how things are done', 'Keep clear notes on the electronic patient record']],
  'Therapy support worker': [3, ['Help people practise walking and moving again', 'Set up exercise sessions and equipment', 'Help people practise everyday things, such as making a drink', 'Keep clear notes on the electronic patient record', 'Order equipment for people to use once they are back home']],
  'Audiology assistant': [3, ['Get rooms and equipment ready for hearing tests', 'Clean, repair and fit hearing aids', 'Help children and their families feel at ease', 'Keep clear notes on the electronic patient record', 'Order stock and parts']],
  'Care support worker': [2, ['Help people wash, dress and eat', 'Cook simple meals and help with shopping', 'Help people take their medicines', 'Keep short notes about each person you support', 'Help people keep in touch with family and friends']],
  'Community support worker': [2, ['Help people with everyday things, such as shopping and paying bills', 'Go with people to appointments', 'Help people take their medicines', 'Keep short notes about each person you support', 'Help people take part in activities they enjoy']],
  'Domestic assistant': [2, ['Clean bays, bathrooms and shared areas', 'Make beds and change linen', 'Serve meals and drinks to patients', 'Keep cleaning equipment safe and ready']],
  'Receptionist': [2, ['Greet patients and help them book appointments', 'Answer questions from patients at the front desk', 'Keep patient records up to date on the computer', 'Scan and file letters from other services', 'Help the practice team with post and paperwork']],
  'Medical secretary': [3, ['Type letters for doctors from their recordings', 'Book appointments and keep diaries up to date', 'Keep patient records up to date on the computer', 'Scan and file letters from other services', 'Help the practice team with post and paperwork']],
  'Administrator': [3, ['Keep patient records up to date on the computer', 'Book appointments and keep diaries up to date', 'Type up notes of meetings', 'Order stock and keep track of spending', 'Scan and file letters from other services']],
};

/** Agenda for Change pay, 2025/26, as job boards print it. */
const BAND_PAY = { 2: '£24,465 a year', 3: '£24,937 to £26,598 a year', 4: '£27,485 to £30,162 a year' };
const HOURLY_PAY = ['£12.60 an hour', '£12.85 an hour', '£13.10 an hour', '£13.45 an hour'];
const DEPARTMENTS = ['Outpatients', 'Maternity unit', 'Emergency department', 'Stroke unit', 'Pharmacy', 'Phlebotomy service', 'Respiratory medicine', 'Frailty service', 'Theatres', 'Children and young people'];
const COMMUNITY_DEPARTMENTS = ['Home care', 'Supported living', 'Reablement service', 'Community nursing'];
const PRIMARY_DEPARTMENTS = ['Patient services', 'Practice administration', 'Reception'];
const MENTAL_HEALTH_DEPARTMENTS = ['Adult mental health', 'Older adult mental health', 'Crisis service', 'Recovery service'];
const SITES = ['General Hospital', 'Community Hospital', 'Health Centre', 'Medical Centre', 'Clinic'];
const CONTACTS = [
  ['Amina Yusuf', 'Team leader'], ['Tom Hughes', 'Recruitment lead'], ['Priya Shah', 'Service manager'], ['Grace Okafor', 'Matron'],
  ['Daniel Evans', 'Operational manager'], ['Siobhan Kelly', 'Deputy manager'], ['Marek Nowak', 'Clinical lead'], ['Fatima Begum', 'Practice educator'],
  ['Owen Price', 'Practice manager'], ['Li Wei', 'Senior sister'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A date in the second half of 2026: its parts, and the day of the week. */
function dateIn2026(c) {
  const day = new Date(Date.UTC(2026, 5, 1) + c.int(0, 200) * 86_400_000);
  return { date: `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`, weekday: WEEKDAYS[day.getUTCDay()], time: day.getTime() };
}

const article = (text) => (/^[aeiou]/i.test(text) ? 'an' : 'a');
const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);

// ---------------------------------------------------------------- the sentences

/*
 * What each topic's sentences say. A variant is a function of the advert's facts, giving the
 * sentences (plain text); `needs` lists the other topics it gives too, or that it needs (a
 * closing date with the day and time gives the hours: “Sunday”, “11:59pm”), so it is used only in
 * adverts that give them. Every topic has variants that need nothing else.
 *
 * The words to keep out of sentences that are not about a topic: pay (“£”), hours (“shift”, a
 * number of hours, “full time”, days of the week, “9am”), location (“hospital”, “centre”, “ward”,
 * “clinic”, “work in”, “based at”, “on site”), contract type (“permanent”, “bank”, “temporary”),
 * main tasks (“you will”, “duties”, “tasks”), training (“train”, “development”, “career”,
 * “progress”, “induction”), welcome statement (“we welcome”, “inclusive”, “diversity”), ways to get
 * in touch (“email”, “text”, “in person”, “by post”), informal chat (“visit the…”, “find out
 * more”, “talk to the…”, “questions… call”), selection (“interview”, “assessment”, “shortlist”),
 * adjustments (“adjustments”, “tell us if you need”), BSL (“interpreter”, “BSL”), other formats
 * (“audio”, “large print”), carers (“caring responsibilities”), overseas qualifications
 * (“equivalent”, “from another country”), right to work (“visa”, “sponsor”).
 */
const v = (needs, text) => ({ needs, text });

const SENTENCES = {
  pay: [
    v([], (f) => [`The pay is ${f.pay}.`]),
    v(['main tasks'], (f) => [`You will be paid ${f.pay}.`]),
  ],
  'contract type': [
    v([], (f) => [`This is a ${f.contractWords}.`]),
  ],
  location: [
    v([], (f) => [`The team is based at ${f.site}, ${f.place}.`]),
    v(['main tasks'], (f) => [`You will work at ${f.site} in ${f.place}.`]),
    v([], (f) => [`Our base is ${f.site}, ${f.postcode}. Buses stop at the main entrance.`]),
  ],
  'main tasks': [
    v([], () => ['The role involves helping people with everyday care, as part of a small team.']),
    v([], () => ['You will help people with everyday care, as part of a small team.']),
  ],
  hours: [
    v([], () => ['Shifts are 7:30am to 8pm, on a rota that includes weekends.']),
    v([], () => ['The job is 37.5 hours a week, Monday to Friday.']),
    v([], () => ['Most of the work is between 8am and 6pm.']),
  ],
  'flexible working': [
    // Not “flexible working from your first day”: “working from” gives a location.
    v([], () => ['From your first day, you can ask for flexible working.']),
    v([], () => ['We are happy to talk about job sharing or compressed hours.']),
    v([], () => ['Term-time working is possible in this team.']),
    v(['hours'], () => ['Part-time hours are welcome.']),
    v(['hours'], () => ['We are happy to talk about hours that fit around caring, school or study.']),
  ],
  'training and progression': [
    v([], () => ['We will support you to complete the Care Certificate in your first 12 weeks.']),
    v([], () => ['There is training every month, and many of our team leaders started in this role.']),
    v([], () => ['Our practice educators offer mentoring and a clear career path.']),
    v(['main tasks'], () => ['You will have two weeks of paid induction before you join the team.']),
    v(['contract type'], () => ['We can support you towards an apprenticeship in nursing or therapy.']),
  ],
  'welcome statement': [
    v([], () => ['We welcome applications from everyone.']),
    v([], () => ['We are a Disability Confident employer.']),
    v([], () => ['We welcome carers, Deaf and disabled people, and people who came to the UK as migrants or refugees.']),
    v([], () => ['We value diversity, and we want our staff to reflect the people we care for.']),
  ],
  'support for carers': [
    v([], () => ["From your first day you can take up to one week of carer's leave a year."]),
    v([], () => ['We have a carers network and a carers policy, with time off for emergencies.']),
    // “Responsibilities” gives the main tasks too.
    v(['main tasks'], () => ['If you have caring responsibilities, we will plan with you how to fit the job around them.']),
    v([], () => ['Carers can take time off for emergencies, as well as paid leave.']),
  ],
  'right to work': [
    v([], () => ['We can sponsor a Health and Care Worker visa for this job.']),
    v([], () => ['We cannot offer visa sponsorship for this job. Refugees and people with permission to work are welcome to apply.']),
    v([], () => ["We check everyone's right to work, for example with a share code."]),
    v(['location'], () => ['You must have the right to work in the UK. We check this for everyone.']),
  ],
  'overseas qualifications': [
    v([], () => ['We accept equivalent qualifications from other countries. You can ask UK ENIC to compare yours.']),
    v([], () => ['Qualifications gained in another country are fine for this job.']),
  ],
  'how to apply': [
    v([], () => ['To apply, click Apply now at the top of this page and fill in the form.']),
    v([], () => ['You can apply online through NHS Jobs. It takes about 30 minutes.']),
    v(['ways to get in touch'], (f) => [`Send your CV and a short covering letter to ${f.contact.email}.`]),
  ],
  'selection process': [
    v([], (f) => [`Interviews will be held in the week of ${f.interview.date}.`]),
    v([], () => ['What happens next: we will read every application and contact you within 2 weeks.']),
    v([], () => ['If you are shortlisted, we will contact you to arrange an interview.']),
    v(['ways to get in touch'], () => ['The interview is a 30-minute conversation with two people from the team, in person or by video.']),
    v(['hours'], (f) => [`Interviews are on ${f.interview.weekday} ${f.interview.date}.`]),
  ],
  adjustments: [
    v([], () => ['If you need any changes to help you apply, tell us. You do not need a diagnosis.']),
    v([], () => ['We will make reasonable adjustments at every stage of applying.']),
    v([], () => ['Tell us about any access needs you have, and we will plan around them.']),
    v(['welcome statement', 'selection process'], () => ['We welcome applications from people who need adjustments at interview. Tell us what you need.']),
  ],
  'BSL and communication support': [
    v([], () => ['We can book a registered BSL interpreter for any stage of the process.']),
    v([], () => ['Communication support, such as a British Sign Language interpreter or a note-taker, is there for you at every stage.']),
    v(['selection process', 'ways to get in touch'], () => ['We will book a BSL interpreter, speech-to-text reporter or note-taker for your interview.']),
  ],
  'Access to Work': [
    v([], () => ['Access to Work can help with equipment, travel and support once you start.']),
    v([], () => ['If you are disabled or have a health condition, Access to Work may pay for extra support at work.']),
    v(['selection process', 'BSL and communication support'], () => ['Access to Work can pay for communication support at your interview, such as a BSL interpreter.']),
  ],
  'other formats': [
    v([], () => ['You can get this advert in Easy Read or large print.']),
    v([], () => ['You can ask for this advert in another format, such as audio or braille.']),
    v(['how to apply', 'BSL and communication support'], () => ['You can apply by video, including in BSL, if you prefer.']),
    v(['BSL and communication support', 'ways to get in touch'], () => ['This advert is also available as a BSL video.']),
  ],
  'informal chat or visit': [
    v([], (f) => [`Want to know more first? Book a 15-minute chat with ${f.contact.name}, ${lower(f.contact.role)}.`]),
    v([], () => ['You are welcome to visit the team before you apply.']),
    v([], (f) => [`Come and see us: ask ${f.contact.name} to show you round before you apply.`]),
    v(['ways to get in touch'], (f) => [`For an informal chat, call ${f.contact.name} on ${f.contact.phone} or email ${f.contact.email}.`]),
  ],
};

/** Sentences that give no topic: the opening of the overview, and of “about us”. */
const OPENINGS = [
  (f) => `We are looking for a kind and reliable ${lower(f.title)} to join our ${lower(f.department)} team.`,
  (f) => `Join our friendly ${lower(f.department)} team as ${article(f.title)} ${lower(f.title)}.`,
  (f) => `We are recruiting ${article(f.title)} ${lower(f.title)} for our ${lower(f.department)} team.`,
];
const OVERVIEW_MORE = [
  (f) => `Our team looks after around ${f.people} people each week.`,
  () => 'This is a chance to make a real difference to people and their families.',
  () => 'The team is friendly, and everyone helps each other.',
  () => 'You do not need to have done this kind of job before.',
  () => 'We care about the people we look after, and about each other.',
];
const ABOUT = {
  trust: [
    (f) => `${f.employer ?? 'We'} ${f.employer ? 'provides' : 'provide'} health services for about ${f.population} people in ${f.place} and the towns around it.`,
    (f) => `We are one of the largest employers in ${f.place}.`,
    () => 'Our staff survey results are among the best in the region.',
    () => 'We are proud of our friendly, supportive teams.',
  ],
  care: [
    (f) => `${f.employer ?? 'We'} ${f.employer ? 'supports' : 'support'} about ${f.people * 4} people to live well in ${f.place}.`,
    () => 'We are proud of our friendly, supportive teams.',
    () => 'People who use our services help us choose our staff.',
  ],
  agency: [
    (f) => `${f.employer ?? 'We'} ${f.employer ? 'finds' : 'find'} staff for health and care services in ${f.place} and nearby.`,
    () => 'We are proud of the people who choose us.',
    () => 'You choose which services you go to.',
  ],
};
const ABOUT_KIND = { 'north-trust': 'trust', 'south-trust': 'trust', 'mental-health': 'trust', 'primary-care': 'trust', 'community-care': 'care', agency: 'agency' };

/** Person specification rows that give no topic. */
const SPEC = {
  qualifications: [['Care Certificate, or willing to complete it in your first 12 weeks', 'Level 2 qualification in health and social care', 'GCSE English and maths at grade 4 (C) or above'], ['NVQ level 3 in health and social care', 'A first aid certificate', 'Level 3 Diploma in Adult Care']],
  experience: [['Experience of caring for people, paid or unpaid', 'Experience of helping people, in a job, at home or as a volunteer'], ['Experience with older people or people with dementia', 'Experience in a health or care setting']],
  skills: [['Kind, patient and a good listener', 'Able to follow instructions and ask for help', 'Able to write clear, accurate notes', 'Able to use a computer for patient records'], ['Able to speak a community language', 'Knowledge of infection control']],
  values: [['Treats people with kindness, dignity and respect', 'Willing to learn and take on feedback'], ['Interest in a job in health or care']],
  other: [['Enhanced Disclosure and Barring Service (DBS) check'], []],
};

/** The barriers' sentences: where each goes (a person specification row, or the text), and its wordings. */
const BARRIER_TEXT = {
  [DRIVING]: { row: 'other', cell: ['A full UK driving licence', 'A current driving licence is essential'], prose: ['You must have a full UK driving licence.', 'Applicants must be able to drive.'] },
  [NATIVE]: { row: 'skills', cell: ['Native English speaker', 'English as a first language'], prose: ['We are looking for a native English speaker.'] },
  [GAPS]: { row: 'experience', cell: ['No gaps in your employment history', 'A continuous employment history'], prose: ['Applicants must have a continuous employment history.'] },
  [YEARS]: { row: 'experience', cell: ["At least 2 years' experience in a similar role", "A minimum of 3 years' experience in a similar role"], prose: ["We are looking for someone with at least 2 years' experience in a similar role."] },
  [LIFTING]: { row: 'other', cell: ['Must be able to lift 25kg', 'Able to stand for long periods'], prose: ['You must be able to lift 25kg.'] },
  [PREVIOUS]: { row: null, cell: [], prose: ['Previous applicants need not apply.', 'If you have applied in the last 6 months, please do not apply again.'] },
};

// ---------------------------------------------------------------- one advert

/**
 * The facts of advert `index` that do not depend on its topics or barriers: the job, the place,
 * the people, the layout. Drawn from its own stream, so a fix that changes its topics keeps them.
 */
function advertFacts(seed, spec) {
  const c = choices(seed, spec.index, 'facts');
  const folder = FOLDERS.find((each) => each.name === spec.folder);
  const title = c.pick(folder.jobs);
  const [band, duties] = JOBS[title];
  const [place, domain] = spec.employer ? EMPLOYER_PLACES[spec.employer] : [c.pick(PLACES), `${c.pick(PLACES).toLowerCase().replace(/\s+/g, '')}-care.example`];
  const departments = spec.folder === 'community-care' || spec.folder === 'agency' ? COMMUNITY_DEPARTMENTS : spec.folder === 'primary-care' ? PRIMARY_DEPARTMENTS : spec.folder === 'mental-health' ? MENTAL_HEALTH_DEPARTMENTS : DEPARTMENTS;
  const [name, role] = c.pick(CONTACTS);
  const letters = place.replace(/[^A-Z]/g, '').padEnd(2, 'X');
  const siteKind = spec.folder === 'primary-care' ? c.pick(['Health Centre', 'Medical Centre']) : c.pick(SITES);
  const contract = c.pick(folder.pay === 'hourly' ? [['Permanent', 'permanent job'], ['Bank', 'bank job'], ['Fixed term: 6 months', 'fixed-term job for 6 months'], ['Temporary', 'temporary job']] : [['Permanent', 'permanent job'], ['Permanent', 'permanent job'], ['Fixed term: 12 months', 'fixed-term job for 12 months'], ['Secondment: 9 months', 'secondment for 9 months']]);
  const partTime = c.chance(0.3);
  const closing = dateIn2026(c);
  return {
    index: spec.index,
    c,
    title,
    band: folder.pay === 'band' ? band : null,
    duties: c.some(duties, c.int(4, Math.min(6, duties.length))),
    employer: spec.employer,
    place,
    department: c.pick(departments),
    site: `${place} ${siteKind}`,
    postcode: `${letters}${c.int(1, 19)} ${c.int(1, 9)}${letters[0]}Q`,
    pay: folder.pay === 'band' ? BAND_PAY[band] : c.pick(HOURLY_PAY),
    partTime,
    contract: contract[0],
    contractWords: contract[1],
    hoursField: c.chance(0.6) ? (partTime ? `${c.pick(['22.5', '30', '15'])} hours a week` : '37.5 hours a week') : null,
    reference: `${'CDEFGHJKMN'[spec.index % 10]}${c.int(1000, 9999)}-26-${String(spec.index).padStart(5, '0')}`,
    closing,
    closingTime: c.pick(['11:59pm', '5pm', '11:59pm']),
    interview: dateIn2026(c),
    people: 10 * c.int(4, 30),
    population: `${c.int(2, 9)}${c.pick(['00,000', '50,000'])}`,
    contact: { name, role, email: `${name.toLowerCase().replace(/\s+/g, '.')}@${domain}`, phone: `01632 960${String(c.int(0, 999)).padStart(3, '0')}` },
    layout: c.pick(['dl', 'dl', 'table', 'lines']),
    employerUnderTitle: c.chance(0.5),
    headings: {
      overview: 'Job overview',
      duties: c.pick(['Main duties of the job', 'Main duties', 'What you will do']),
      about: c.pick(['About us', 'Working for our organisation']),
      support: c.pick(['Support to apply', 'Help with applying', 'Support for you']),
    },
    dutiesIntro: c.pick(['In a typical week you will:', 'The role involves:', null]),
    openings: [c.pick(OPENINGS), ...c.some(OVERVIEW_MORE, c.int(1, 2))],
    about: c.some(ABOUT[ABOUT_KIND[spec.folder]], c.int(2, 3)),
    spec: Object.fromEntries(Object.entries(SPEC).map(([row, [essential, desirable]]) => [row, [c.some(essential, Math.min(essential.length, c.int(1, 2))), c.some(desirable, Math.min(desirable.length, 1))]])),
    contactShown: c.chance(0.85),
  };
}

/** The sentences advert `facts` gives for `topic`: a variant whose `needs` it gives, from the topic's own stream. */
function topicSentences(seed, facts, topic, present) {
  const eligible = (SENTENCES[topic] ?? []).filter((variant) => variant.needs.every((need) => present.has(need)));
  const c = choices(seed, facts.index, 'topic', topic);
  return c.pick(eligible).text(facts);
}

/** Key-field rows, as a `<dl>`, a two-column table or “Label: value” lines (job boards use all three). */
function fieldRows(fields, layout) {
  const shown = fields.filter(([, value]) => value !== null);
  if (layout === 'table') return ['<table class="key-fields">', '  <tbody>', ...shown.map(([label, value]) => `    <tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`), '  </tbody>', '</table>'];
  if (layout === 'lines') return ['<div class="key-fields">', ...shown.map(([label, value]) => `  <p><strong>${escapeHtml(label)}:</strong> ${value}</p>`), '</div>'];
  return ['<dl class="key-fields">', ...shown.flatMap(([label, value]) => [`  <dt>${escapeHtml(label)}</dt>`, `  <dd>${value}</dd>`]), '</dl>'];
}

const paragraph = (sentences) => (sentences.length > 0 ? [`<p>${escapeHtml(sentences.join(' '))}</p>`] : []);
const section = (heading, lines) => (lines.length > 0 ? [`<h2>${escapeHtml(heading)}</h2>`, ...lines] : []);

/** The HTML of advert `spec` (its folder, employer, topics given and barriers): a whole job-board page. */
export function renderAdvert(seed, spec) {
  const facts = advertFacts(seed, spec);
  const { c } = facts;
  const present = new Set(spec.topics.present);
  const has = (topic) => present.has(topic);
  const say = (topic) => (has(topic) ? topicSentences(seed, facts, topic, present) : []);
  const barrierCells = { experience: [], skills: [], other: [] };
  const barrierProse = [];
  for (const rule of BARRIER_RULES) {
    const count = spec.barriers[rule] ?? 0;
    const text = BARRIER_TEXT[rule];
    const barrier = choices(seed, spec.index, 'barrier', rule);
    // The first in the person specification if the barrier has a row there, the rest in the text.
    const first = Math.floor(barrier.next() * text.prose.length);
    for (let k = 0; k < count; k++) {
      if (k === 0 && text.row && barrier.chance(0.7)) barrierCells[text.row].push(barrier.pick(text.cell));
      else barrierProse.push(text.prose[(first + k) % text.prose.length]);
    }
  }
  // Where each topic's sentences go: the key fields carry pay, hours, location, contract and
  // closing date (or, sometimes, a sentence does); the rest go to their sections.
  const asField = (topic) => has(topic) && choices(seed, spec.index, 'field', topic).chance(0.8);
  const payField = asField('pay');
  const contractField = asField('contract type');
  const locationField = asField('location');
  const hoursField = asField('hours');
  // Drawn whatever the topics, so that a fix that adds a topic changes nothing else.
  const draws = { closingComplete: c.chance(0.85), closingField: c.chance(0.85), flexiblePattern: c.chance(0.5), pattern: c.pick(['Full time, Part time', 'Full time, Flexible working', 'Full time, Part time, Flexible working']), band: c.chance(0.7), overseasInCell: c.chance(0.5), nextHeading: c.pick(['What happens next', 'Interviews']) };
  // A closing date with the day and time names a day of the week and a time, which give the hours.
  const closingComplete = has('hours') && draws.closingComplete;
  const closingValue = closingComplete ? `${facts.closingTime} on ${facts.closing.weekday} ${facts.closing.date}` : facts.closing.date;
  const closingField = has('closing date') && draws.closingField;
  const pattern = facts.partTime ? 'Part time' : 'Full time';
  const workingPattern = has('flexible working') && draws.flexiblePattern ? (facts.partTime ? 'Part time, Flexible working' : draws.pattern) : pattern;
  // Part-time pay “pro rata” only where the advert says the job is part time.
  const pay = `${facts.pay}${facts.partTime && facts.band !== null && hoursField ? ' pro rata' : ''}`;
  const fields = [
    ['Employer', spec.employer ? escapeHtml(spec.employer) : null],
    ['Department', escapeHtml(facts.department)],
    ['Location', locationField ? escapeHtml(`${facts.site}, ${facts.place}, ${facts.postcode}`) : null],
    ['Salary', payField ? escapeHtml(pay) : null],
    ['Band', facts.band !== null && draws.band ? `Band ${facts.band}` : null],
    ['Contract', contractField ? escapeHtml(facts.contract) : null],
    ['Working pattern', hoursField ? workingPattern : null],
    ['Hours', hoursField ? facts.hoursField : null],
    ['Reference number', facts.reference],
    ['Closing date', closingField ? closingValue : null],
  ];
  const flexibleSaid = hoursField && workingPattern.includes(',');

  const overview = [
    ...facts.openings.map((opening) => opening(facts)),
    ...(has('main tasks') && !facts.dutiesIntro ? say('main tasks') : []),
    ...(has('pay') && !payField ? say('pay') : []),
    ...(has('contract type') && !contractField ? say('contract type') : []),
    ...(has('location') && !locationField ? say('location') : []),
    ...(has('hours') && !hoursField ? say('hours') : []),
    ...(has('flexible working') && !flexibleSaid ? say('flexible working') : []),
  ];
  const extraBarriers = barrierProse.filter((text) => !/apply/.test(text));
  const applyBarriers = barrierProse.filter((text) => /apply/.test(text));
  const duties =
    has('main tasks') && facts.dutiesIntro
      ? [`<p>${escapeHtml(facts.dutiesIntro)}</p>`, '<ul>', ...facts.duties.map((duty) => `  <li>${escapeHtml(duty)}</li>`), '</ul>']
      : [];
  const about = [...facts.about.map((line) => line(facts)), ...say('welcome statement'), ...say('support for carers')];
  const training = say('training and progression');
  const applying = [
    ...(has('how to apply') ? say('how to apply') : []),
    ...say('right to work'),
    ...(has('closing date') && !closingField ? [closingComplete ? `Applications close at ${facts.closingTime} on ${facts.closing.weekday} ${facts.closing.date}.` : `Applications close on ${facts.closing.date}.`] : []),
    ...applyBarriers,
  ];
  const next = say('selection process');
  const support = [...say('adjustments'), ...say('BSL and communication support'), ...say('Access to Work'), ...say('other formats'), ...say('informal chat or visit')];
  const specRows = [
    ['Qualifications', facts.spec.qualifications[0].map((item, k) => (k === 0 && has('overseas qualifications') && draws.overseasInCell ? `${item}, or an equivalent qualification from another country` : item)), facts.spec.qualifications[1]],
    ['Experience', [...facts.spec.experience[0], ...barrierCells.experience], facts.spec.experience[1]],
    ['Skills and knowledge', [...facts.spec.skills[0], ...barrierCells.skills], facts.spec.skills[1]],
    ['Values', facts.spec.values[0], facts.spec.values[1]],
    ['Other requirements', [...facts.spec.other[0], ...barrierCells.other], facts.spec.other[1]],
  ];
  const overseasSaid = specRows[0][1].some((item) => item.includes('equivalent'));
  const cell = (items) => (items.length === 0 ? '' : items.length === 1 ? escapeHtml(items[0]) : items.map((item) => `<p>${escapeHtml(item)}</p>`).join(''));
  // Ways to get in touch: an email address in the contact details; without it, a phone number only, or no contact at all.
  const ways = has('ways to get in touch');
  const contactRows = [
    ['Name', escapeHtml(facts.contact.name)],
    ['Job title', escapeHtml(facts.contact.role)],
    ['Email address', ways ? `<a href="mailto:${facts.contact.email}">${facts.contact.email}</a>` : null],
    ['Telephone number', facts.contact.phone],
  ];

  const body = [
    `<h1>${escapeHtml(facts.title)}</h1>`,
    ...(spec.employer && facts.employerUnderTitle ? [`<p class="employer">${escapeHtml(spec.employer)}</p>`] : []),
    ...fieldRows(fields, facts.layout),
    `<h2>${facts.headings.overview}</h2>`,
    ...paragraph(overview),
    ...paragraph(extraBarriers),
    ...section(facts.headings.duties, duties),
    ...section(facts.headings.about, paragraph(about)),
    ...(training.length > 0 ? section('Training and development', paragraph(training)) : []),
    ...(has('how to apply') ? section('How to apply', paragraph(applying)) : paragraph(applying)),
    ...(next.length > 0 ? section(draws.nextHeading, paragraph(next)) : []),
    ...section(facts.headings.support, paragraph(support)),
    '<h2>Person specification</h2>',
    '<table>',
    '  <thead><tr><th scope="col">Criteria</th><th scope="col">Essential</th><th scope="col">Desirable</th></tr></thead>',
    '  <tbody>',
    ...specRows.filter(([, essential, desirable]) => essential.length + desirable.length > 0).map(([name, essential, desirable]) => `    <tr><th scope="row">${escapeHtml(name)}</th><td>${cell(essential)}</td><td>${cell(desirable)}</td></tr>`),
    '  </tbody>',
    '</table>',
    ...(has('overseas qualifications') && !overseasSaid ? paragraph(say('overseas qualifications')) : []),
    ...(ways || facts.contactShown ? ['<h2>Contact details</h2>', ...fieldRows(contactRows, 'dl')] : []),
  ];
  return jobBoardFrame(`${facts.title} - ${spec.employer ?? facts.department} - NHS Jobs`, body);
}

// ---------------------------------------------------------------- the corpus

/** `count` of `items` chosen by the seeded stream named by `parts`, exactly. */
function chosenSet(items, count, ...parts) {
  return new Set(choices(...parts).shuffle(items).slice(0, count));
}

/** Write a manifest entry's advert under `root`. */
function writeAdvert(root, seed, document) {
  const file = path.join(root, ...document.path.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderAdvert(seed, document));
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Write a corpus of `documents` job-board adverts (HTML) under `root`, in folders of uneven sizes,
 * and return its manifest: for each advert, its path (relative to `root`, with forward slashes),
 * folder, employer (null when it has no Employer row), type, the topics it gives and leaves out,
 * and the findings of each barrier rule it should get. The manifest also holds the seed and each
 * advert's index, which `fixAuditCorpus` needs. Nothing but adverts is written under `root`.
 */
export function buildAuditCorpus(root, { documents = 300, seed = 1 } = {}) {
  const sizes = apportion(documents, FOLDERS.map((folder) => folder.share));
  const entries = [];
  let index = 0;
  FOLDERS.forEach((folder, folderIndex) => {
    const size = sizes[folderIndex];
    const members = Array.from({ length: size }, (_, k) => index + k);
    index += size;
    // Employers: exact shares of the folder, in a seeded order.
    const employerCounts = apportion(size, folder.employers.map(([, share]) => share));
    const order = choices(seed, folder.name, 'employers').shuffle(members);
    const employers = new Map();
    let at = 0;
    folder.employers.forEach(([name], k) => {
      for (let n = 0; n < employerCounts[k]; n++) employers.set(order[at++], name);
    });
    // Topics: each left out of an exact share of the folder (at least one advert, and never all).
    const missing = new Map(members.map((member) => [member, new Set()]));
    for (const topic of TOPICS) {
      const share = folder.missing[topic] ?? MISSING[topic];
      const count = size < 2 ? 0 : Math.min(size - 1, Math.max(1, Math.round(share * size)));
      for (const member of chosenSet(members, count, seed, folder.name, 'missing', topic)) missing.get(member).add(topic);
    }
    // Barriers: each in an exact share of the folder; a driving licence is asked for twice in some.
    const barriers = new Map(members.map((member) => [member, {}]));
    for (const rule of BARRIER_RULES) {
      const count = Math.round(folder.barriers[rule] * size);
      const twice = choices(seed, folder.name, 'twice', rule);
      for (const member of chosenSet(members, count, seed, folder.name, 'barrier', rule)) barriers.get(member)[rule] = rule === DRIVING && twice.chance(0.2) ? 2 : 1;
    }
    for (const member of members) {
      const employer = employers.get(member) ?? null;
      const title = choices(seed, member, 'facts').pick(folder.jobs);
      const document = {
        path: `${folder.name}/${String(member + 1).padStart(4, '0')}-${slug(title)}.html`,
        folder: folder.name,
        employer,
        type: 'advert',
        index: member,
        topics: { present: TOPICS.filter((topic) => !missing.get(member).has(topic)), missing: TOPICS.filter((topic) => missing.get(member).has(topic)) },
        barriers: Object.fromEntries(BARRIER_RULES.filter((rule) => barriers.get(member)[rule]).map((rule) => [rule, barriers.get(member)[rule]])),
      };
      entries.push(document);
    }
  });
  for (const document of entries) writeAdvert(root, seed, document);
  return { seed, documents: entries };
}

/**
 * A scripted fix of the corpus under `root` (as `buildAuditCorpus` wrote it, with `manifest`), in
 * place, as a workforce team might make between two audits: the pay added to every advert that
 * lacked it in two folders, the offer of adjustments added everywhere, the driving licence taken
 * out of half the adverts that asked for it, the rest left alone. The changed adverts are written
 * again from the corpus's seed, so the rest of their text stays the same. Returns the new manifest
 * (with `fix`: what was changed).
 */
export function fixAuditCorpus(root, manifest, { seed = 2 } = {}) {
  const c = choices(seed, 'fix');
  const lacksPay = (document) => document.topics.missing.includes('pay');
  const folders = [...new Set(manifest.documents.map((document) => document.folder))].sort();
  const payFolders = c.shuffle(folders.filter((folder) => manifest.documents.some((document) => document.folder === folder && lacksPay(document)))).slice(0, 2).sort();
  const driving = manifest.documents.filter((document) => (document.barriers[DRIVING] ?? 0) > 0).map((document) => document.path);
  const unlicensed = new Set(c.shuffle(driving).slice(0, Math.ceil(driving.length / 2)));
  const add = (topics, topic) => ({ present: TOPICS.filter((each) => each === topic || topics.present.includes(each)), missing: topics.missing.filter((each) => each !== topic) });
  const documents = manifest.documents.map((document) => {
    let topics = document.topics;
    if (payFolders.includes(document.folder) && lacksPay(document)) topics = add(topics, 'pay');
    if (topics.missing.includes('adjustments')) topics = add(topics, 'adjustments');
    const barriers = { ...document.barriers };
    if (unlicensed.has(document.path)) delete barriers[DRIVING];
    const changed = topics !== document.topics || Object.keys(barriers).length !== Object.keys(document.barriers).length;
    const next = { ...document, topics, barriers };
    if (changed) writeAdvert(root, manifest.seed, next);
    return next;
  });
  return { seed: manifest.seed, documents, fix: { payFolders, adjustments: 'every advert', drivingLicenceRemoved: [...unlicensed].sort() } };
}
