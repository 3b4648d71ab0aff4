#!/usr/bin/env node
// Generates the Word and PDF documents of the evaluation set (eval/documents/): Word files with
// the `docx` package (real heading styles with outline levels, bulleted lists, person
// specification tables with header rows), and PDFs made from Word files with LibreOffice.
// The generated files are committed, so the evaluation and its test never need LibreOffice.
// Run `node scripts/make-eval-docs.js` (needs `soffice` on the PATH for the PDFs).
// The employers, people and addresses are invented.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { headingStyles, numbering, writeDocx as writeWordFile } from './word-docs.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = (...parts) => path.join(root, 'eval', 'documents', ...parts);
const scratch = mkdtempSync(path.join(tmpdir(), 'recruit-check-eval-docs-'));
// A fixed date keeps the Word files identical from run to run.
const CREATED = new Date('2027-06-01T09:00:00Z');

const HEADING_STYLES = headingStyles([32, 28, 26, 24, 24, 24]);
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];

function runs(content) {
  if (typeof content === 'string') return [new TextRun(content)];
  return content.map((part) => (typeof part === 'string' ? new TextRun(part) : new TextRun(part)));
}

function cell(text, { bold = false, width = 3000 } = {}) {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** A table: the first row is a repeated header row. */
function table(rows) {
  const width = Math.floor(9000 / rows[0].length);
  return new Table({
    width: { size: 9000, type: WidthType.DXA },
    rows: rows.map((row, index) => new TableRow({ tableHeader: index === 0, children: row.map((text) => cell(text, { bold: index === 0, width })) })),
  });
}

/** Blocks written as data: {h, text}, {p}, {kv: [label, value]}, {ul}, {ol}, {table}. */
function build(blocks) {
  const children = [];
  for (const block of blocks) {
    if (block.h) children.push(new Paragraph({ heading: HEADINGS[block.h - 1], children: runs(block.text) }));
    else if (block.p !== undefined) children.push(new Paragraph({ spacing: { after: 120 }, children: runs(block.p) }));
    else if (block.kv) children.push(new Paragraph({ children: [new TextRun({ text: `${block.kv[0]}: `, bold: true }), new TextRun(block.kv[1])] }));
    else if (block.ul || block.ol) {
      for (const item of block.ul ?? block.ol) children.push(new Paragraph({ numbering: { reference: block.ul ? 'bullets' : 'numbers', level: 0 }, children: runs(item) }));
    } else if (block.table) {
      children.push(table(block.table));
      children.push(new Paragraph({ children: [] }));
    }
  }
  return children;
}

function wordDocument({ title, blocks }) {
  return new Document({
    creator: 'recruit-check evaluation set',
    title,
    styles: {
      default: { document: { run: { size: 24, font: 'Arial', language: { value: 'en-GB' } } } },
      paragraphStyles: HEADING_STYLES,
    },
    numbering,
    sections: [{ children: build(blocks) }],
  });
}

/** Write a Word file with the generator's fixed date. */
function writeDocx(document, file) {
  return writeWordFile(document, file, CREATED, root);
}

const TAGGED = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}';

/** Convert a Word file to a tagged PDF with LibreOffice. */
function toPdf(docx, target) {
  const dir = mkdtempSync(path.join(scratch, 'convert-'));
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(scratch, 'profile')}`, '--convert-to', TAGGED, '--outdir', dir, docx], { stdio: 'pipe' });
  renameSync(path.join(dir, `${path.basename(docx, '.docx')}.pdf`), target);
  console.log('wrote', path.relative(root, target));
}

const SPEC_HEADER = ['Criteria', 'Essential', 'Desirable'];

// ---------------------------------------------------------------------------------------------
// Word documents
// ---------------------------------------------------------------------------------------------

const WORD = {
  'jd-staff-nurse-surgical.docx': {
    title: 'Job description and person specification: Staff Nurse, Surgical Ward',
    blocks: [
      { h: 1, text: 'Job description: Staff Nurse – Surgical Ward' },
      { kv: ['Job title', 'Staff Nurse'] },
      { kv: ['Band', 'AfC Band 5 (£29,970 to £36,483 a year)'] },
      { kv: ['Department', 'General Surgery, Nightingale Ward'] },
      { kv: ['Location', 'Riverside Hospital, Westminster Bridge Road, London SE1 7EH'] },
      { kv: ['Hours', '37.5 hours a week, long days and nights'] },
      { kv: ['Accountable to', 'Ward Manager'] },
      { h: 2, text: 'Job purpose' },
      { p: 'The post holder will deliver a high standard of evidence-based nursing care to patients before and after surgery. He will be expected to work flexibly to meet the demands of the service and will liaise with the MDT, bed managers and other stakeholders to ensure timely discharge.' },
      { h: 2, text: 'Main duties and responsibilities' },
      {
        ul: [
          'Assess, plan, carry out and review care for a group of patients.',
          'Manage IV therapy and PCA in line with Trust policy.',
          'Take charge of the ward when the nurse in charge is away.',
          'Ensure resources are utilised effectively.',
          'Facilitate the learning of students and healthcare assistants.',
          'Support patients on the ERAS pathway to get up and about after their operation.',
        ],
      },
      { h: 2, text: 'About the Trust' },
      { p: "The Trust works in partnership with King's College Hospital and Guy's and St Thomas' in the south London surgical network. The surgical division is seeking to improve the level of care for patients having planned operations, and Nightingale Ward opened a new enhanced recovery bay in 2026." },
      { h: 2, text: 'Person specification' },
      {
        table: [
          SPEC_HEADER,
          ['Qualifications', 'Registered Nurse (Adult) on the NMC register; nursing degree from a UK university', 'Practice assessor course'],
          ['Experience', "Minimum 2 years' post-registration experience in an acute surgical setting", 'Experience of enhanced recovery'],
          ['Skills', 'Excellent written and verbal communication skills; ability to work under pressure', 'IV competencies'],
          ['Personal qualities', 'Team player; flexible approach to working hours', ''],
        ],
      },
      { h: 2, text: 'Equality' },
      { p: 'The Trust is committed to equality of opportunity. We welcome applications from all sections of the community.' },
    ],
  },

  'jd-senior-support-worker-transitions.docx': {
    title: 'Job Description – Senior Support Worker, Transitions Service',
    blocks: [
      { h: 1, text: 'Job Description – Senior Support Worker, Transitions Service' },
      { kv: ['Post', 'Senior Support Worker'] },
      { kv: ['Service', "Transitions (young people's service, ages 16 to 25)"] },
      { kv: ['Salary', '£26,500 a year'] },
      { kv: ['Hours', '37.5 hours a week, including 2 sleep-ins a month'] },
      { kv: ['Reports to', 'Service Manager'] },
      { h: 2, text: 'Purpose of the role' },
      { p: "Our transitions service supports young people aged 16 to 25 with learning disabilities as they move from children's to adult services. You will lead a small team of support workers and be the named key worker for 4 young people." },
      { h: 2, text: 'Key responsibilities' },
      {
        ul: [
          'Support young people to build daily living skills, such as cooking, travelling on buses and managing money.',
          'Supervise support workers and write the weekly rota.',
          'Write and review support plans with each young person and their family.',
          'Attend multi-agency meetings chaired by the local authority.',
          'Be willing to work any shift at short notice to cover sickness.',
        ],
      },
      { h: 2, text: 'About Oakleaf' },
      { p: 'Oakleaf Community Trust is a charity governed by a board of trustees, led by our Chairman of Trustees. We have a carers network and a carer’s leave policy for all staff.' },
      { h: 2, text: 'Person specification' },
      {
        table: [
          SPEC_HEADER,
          ['Experience', "At least 2 years' experience of supporting young people with learning disabilities, including 1 year as a senior", 'Experience of positive behaviour support'],
          ['Employment history', 'No gaps in employment of more than 3 months', ''],
          ['Qualifications', 'Level 3 Diploma in Health and Social Care, or willing to work towards it', 'Level 5 Diploma in Leadership'],
          ['Skills', 'Team player with excellent interpersonal skills', 'Makaton'],
          ['Other', 'Driving licence essential', ''],
        ],
      },
      { p: 'This job description is not exhaustive and may be changed after discussion with the post holder.' },
    ],
  },

  'advert-housekeeper-care-home.docx': {
    title: 'Housekeeper – Willowmead Care Home, Chislehurst',
    blocks: [
      { h: 1, text: 'Housekeeper – Willowmead Care Home, Chislehurst' },
      { p: "Willowmead is a family business with 40 years' experience of caring for older people, in a quiet corner of Chislehurst. We are looking for a housekeeper to keep our home clean, fresh and welcoming." },
      {
        table: [
          ['What', 'Details'],
          ['Pay', '£12.40 an hour'],
          ['Hours', '30 hours a week, 8am to 2pm, 5 days out of 7'],
          ['Contract', 'Permanent'],
          ['Where', 'Willowmead Care Home, 22 Manor Park Road, Chislehurst BR7 5QE'],
        ],
      },
      { h: 2, text: 'What you will do' },
      {
        ul: [
          "Clean residents' rooms, bathrooms and the lounges.",
          'Do the laundry and return clothes to the right rooms.',
          'Liaise with the care team about residents who need a deep clean.',
          'Report anything broken to our maintenance person.',
        ],
      },
      { h: 2, text: 'What you need' },
      { p: 'No experience or qualifications needed – we will train you, including in food hygiene and infection control.' },
      { p: 'A good command of English is essential for reading COSHH data sheets. You must be flexible to meet service demands, including covering for colleagues on holiday.' },
      {
        table: [
          SPEC_HEADER,
          ['Experience', 'None needed', 'Cleaning in a hotel, hospital or care home'],
          ['Skills', 'Can follow a cleaning rota; team player', 'Food hygiene certificate'],
        ],
      },
      { h: 2, text: 'How to apply' },
      { p: 'Applications must reach us by 12 noon on Friday 9 July 2027. Email your CV, or come in and fill in a form with our administrator. We are happy to talk about part-time hours.' },
      { p: 'If you need any adjustments to apply, let us know. We welcome applications from everyone.' },
      { p: 'For an informal chat, contact Maria Santos, Head of Housekeeping, on 020 8467 3300 or maria.santos@willowmead.example.co.uk.' },
    ],
  },

  'person-spec-pharmacy-assistant.docx': {
    title: 'Person specification – Pharmacy Assistant',
    blocks: [
      { h: 1, text: 'Person specification – Pharmacy Assistant (Band 2)' },
      { p: 'This person specification goes with the job description for the Pharmacy Assistant post in the Dispensary at Riverside Hospital. It lists what we will look for in your application and at interview.' },
      {
        table: [
          ['Criteria', 'Essential', 'Desirable', 'How we will assess it'],
          ['Qualifications', 'GCSE Maths and English at grade 4/C or above', 'NVQ Level 2 in Pharmacy Services', 'Application form'],
          ['Experience', "At least 12 months' experience in a retail or hospital pharmacy", 'Experience in an NHS pharmacy', 'Application form and interview'],
          ['Skills', 'Good command of written and spoken English; good interpersonal skills; accurate with numbers', 'Experience of JAC or EMIS', 'Interview and a short test'],
          ['Personal qualities', 'Reliable and punctual; culture fit with our friendly team', '', 'Interview'],
          ['Other', 'Able to work Saturdays on a 1 in 4 rota', '', 'Interview'],
        ],
      },
    ],
  },

  'jd-clinic-receptionist-private.docx': {
    title: 'Job Description: Clinic Receptionist',
    blocks: [
      { h: 1, text: 'Job Description – Clinic Receptionist' },
      { kv: ['Clinic', 'Blackheath Sports and Spine Clinic'] },
      { kv: ['Salary', 'Competitive, depending on experience'] },
      { kv: ['Hours', 'Monday to Friday, 8am to 6pm on a rota, and 1 Saturday a month'] },
      { kv: ['Reports to', 'Clinic Manager'] },
      { h: 2, text: 'The role' },
      { p: 'Our busy private physiotherapy clinic is looking for a well-groomed, professional receptionist to be the face of the clinic. You must have a clear speaking voice and an excellent telephone manner, and be able to hear callers clearly in a busy environment.' },
      { h: 2, text: 'Duties' },
      {
        ul: [
          'Welcome patients and take payments.',
          'Book appointments on Cliniko and chase unpaid invoices.',
          'Liaise with insurers such as AXA and Bupa about pre-authorisations.',
          'Keep the waiting area tidy.',
        ],
      },
      { h: 2, text: 'Person specification' },
      {
        table: [
          SPEC_HEADER,
          ['Experience', "Minimum 2 years' receptionist experience in a private healthcare setting", 'Experience with Cliniko'],
          ['Skills', 'Excellent customer service skills; able to multitask', 'Touch typing'],
          ['Appearance', 'Smart professional appearance at all times (no visible tattoos or facial piercings)', ''],
        ],
      },
      { p: 'We are an equal opportunities employer.' },
    ],
  },

  'advert-bank-healthcare-assistant.docx': {
    title: 'Bank Healthcare Assistant – Riverside Staff Bank',
    blocks: [
      { h: 1, text: 'Bank Healthcare Assistant – Riverside Staff Bank' },
      {
        table: [
          ['Job details', ''],
          ['Employer', 'Riverside Acute NHS Trust'],
          ['Pay', '£12.97 to £13.80 an hour (NHS Band 3), paid weekly'],
          ['Contract', 'Bank (no fixed hours)'],
          ['Where', 'Riverside Hospital, London SE1 7EH, and our community sites in Southwark and Lambeth'],
          ['Closing date', 'Friday 30 July 2027'],
        ],
      },
      { h: 2, text: 'About the job' },
      { p: "Join our staff bank and you pick the shifts you work: days, nights or weekends, as many or as few as suit you. Bank healthcare assistants work on wards across the hospital, from the children's ward to the older people's ward." },
      { p: 'You must have worked as a healthcare assistant in the NHS within the last 12 months. This is a great role for students and recent graduates looking for extra work.' },
      { h: 2, text: 'What you will do' },
      {
        ul: [
          'Help patients wash, dress, eat and move around.',
          'Take observations and tell the nurse about any changes.',
          'Keep bed areas clean and stocked.',
          'Book your own shifts on our app.',
        ],
      },
      { h: 2, text: 'Person specification' },
      {
        table: [
          SPEC_HEADER,
          ['Experience', 'Recent NHS experience as a healthcare assistant', 'Care Certificate'],
          ['Skills', 'Can take and record observations; excellent communication skills', 'Experience of booking shifts on an app'],
        ],
      },
      { h: 2, text: 'Training and support' },
      { p: 'All bank staff get a paid 3-day induction, the Care Certificate and mandatory training. Many of our bank HCAs go on to permanent jobs and the nursing associate apprenticeship.' },
      { h: 2, text: 'How to apply' },
      { p: 'Apply online on our staff bank website. We will invite you to an assessment day with a short interview and a maths test. If you need any changes to help you apply or at the assessment day, tell us.' },
      { p: 'We check the right to work of every applicant. We cannot offer visa sponsorship for bank work.' },
      { p: 'For further details contact the Staff Bank Office: staffbank@riverside.example.nhs.uk or 020 7188 3000.' },
    ],
  },

  'interview-invitation-teams.docx': {
    title: 'Interview invitation – Administrative Officer',
    blocks: [
      { h: 1, text: "Interview invitation – Administrative Officer, Children's Hearing Support Service" },
      { p: 'Dear Mr Nowak,' },
      { p: 'Thank you for your application. We would like to invite you to an interview on Microsoft Teams.' },
      { kv: ['Date', 'Thursday 12 August 2027'] },
      { kv: ['Time', '2pm to 2:45pm'] },
      { kv: ['Where', 'Microsoft Teams. We will email you the link the day before.'] },
      { p: 'Your panel will be Helen Kowalczyk (Team Manager, Sensory Support) and a member of the HR team. The interview will last 45 minutes and will include a 15-minute in-tray exercise, which we will share on screen.' },
      { p: 'On Teams you can turn on live captions. If you would like a BSL interpreter, lipspeaker or speech-to-text reporter, tell us by Friday 6 August 2027 and we will book one. Access to Work can also help pay for communication support at interviews.' },
      { p: 'Please have your photo ID ready to show on camera.' },
      { p: 'Please reply to confirm you can attend by emailing sensory.support@medwayvale.example.gov.uk.' },
      { p: 'Yours sincerely,' },
      { p: 'Helen Kowalczyk, Team Manager, Sensory Support' },
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// PDF job descriptions (made from Word files that are not kept)
// ---------------------------------------------------------------------------------------------

const PDF = {
  'jd-occupational-therapist.pdf': {
    title: "Job Description: Occupational Therapist, Older People's Mental Health",
    blocks: [
      { h: 1, text: 'Job Description – Occupational Therapist (Band 5)' },
      { kv: ['Service', "Older People's Mental Health, Community Team"] },
      { kv: ['Base', 'Princess Royal University Hospital, Farnborough Common, Orpington BR6 8ND'] },
      { kv: ['Grade', 'AfC Band 5'] },
      { kv: ['Hours', '37.5 hours per week'] },
      { kv: ['Responsible to', 'Team Manager'] },
      { h: 2, text: 'Job summary' },
      { p: "The post holder will provide occupational therapy assessment and intervention to older adults with functional and organic mental health needs, including dementia, living in the community and on the older people's ward. They will work as an autonomous practitioner within the CMHT and will utilise standardised assessments such as the MoCA and AMPS." },
      { p: 'Candidates must be fluent in English, ideally as a mother tongue, as the role involves cognitive assessments.' },
      { h: 2, text: 'Key responsibilities' },
      {
        ul: [
          'Carry out home visits and assessments of people’s homes.',
          'Facilitate groups on the ward.',
          'Liaise with social services, housing and voluntary sector partners.',
          'Keep accurate records in line with RCOT standards.',
        ],
      },
      { h: 2, text: 'Person specification' },
      {
        table: [
          SPEC_HEADER,
          ['Qualifications', 'BSc or MSc in Occupational Therapy from a UK university; HCPC registration', 'Member of RCOT'],
          ['Experience', "At least 12 months' experience working in the NHS as an OT, including mental health placements", 'Experience with older adults'],
          ['Skills', 'Excellent organisational and time-management skills; can-do attitude', ''],
        ],
      },
      { h: 2, text: 'Our commitment' },
      { p: 'We are committed to equality, diversity and inclusion. Our Black, Asian and minority ethnic staff network and disability network support staff across the Trust.' },
    ],
  },

  'jd-theatre-support-worker.pdf': {
    title: 'Job Description: Theatre Support Worker',
    blocks: [
      { h: 1, text: 'Job Description: Theatre Support Worker, Day Surgery Unit' },
      {
        table: [
          ['Detail', 'Information'],
          ['Job title', 'Theatre Support Worker'],
          ['Pay', '£24,937 to £26,598 a year (Band 3)'],
          ['Hours', '37.5 hours a week, Monday to Friday, with an on-call rota'],
          ['Department', 'Day Surgery Unit, Riverside Hospital'],
          ['Reports to', 'Theatre Manager'],
        ],
      },
      { h: 2, text: 'Job purpose' },
      { p: 'To support the theatre team in delivering safe, effective care to patients having day surgery. The postholder will be expected to be flexible to meet service demands and to work additional hours as and when required, including evenings and weekends at short notice.' },
      { p: "The Day Surgery Unit works closely with King's College Hospital and Guy's and St Thomas' in the south London elective surgery hub, and is seeking to improve the number of operations on each list." },
      { h: 2, text: 'Main duties' },
      {
        ul: [
          'Prepare theatres and equipment before each list.',
          'Help move patients safely, using hoists and slide sheets.',
          'Act as a runner for the scrub team.',
          'Clean equipment in line with IPC policy.',
          'The theatre co-ordinator will allocate manpower across lists; you must report to him at the start of each shift.',
        ],
      },
      { h: 2, text: 'Person specification' },
      {
        table: [
          SPEC_HEADER,
          ['Qualifications', 'Care Certificate or NVQ Level 2 in Health and Social Care', 'Level 3 Diploma in Perioperative Support'],
          ['Experience', 'Previous experience in an operating theatre', 'Experience of day surgery'],
          ['Skills', 'Good communication skills; able to hit the ground running', ''],
          ['Physical', 'Must be physically fit and able to stand for long periods', ''],
        ],
      },
      { h: 2, text: 'Equality and diversity' },
      { p: 'The Trust values diversity. All staff must treat patients and colleagues with dignity and respect. Reasonable adjustments will be made for patients with disabilities in line with the Accessible Information Standard.' },
    ],
  },
};

for (const [name, spec] of Object.entries(WORD)) await writeDocx(wordDocument(spec), out(name));

let soffice = true;
try {
  execFileSync('soffice', ['--version'], { stdio: 'pipe' });
} catch {
  soffice = false;
  console.error('soffice (LibreOffice) is not on the PATH: the PDFs were not made again');
}
if (soffice) {
  for (const [name, spec] of Object.entries(PDF)) {
    const docx = path.join(scratch, name.replace(/\.pdf$/, '.docx'));
    await writeDocx(wordDocument(spec), docx);
    toPdf(docx, out(name));
  }
}
rmSync(scratch, { recursive: true, force: true });
