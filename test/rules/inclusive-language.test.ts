/** The inclusive-language rules: each barrier from the seeds flagged with a rewrite, true statements left alone. */
import { ruleTable } from '../helpers.js';

ruleTable('inclusive-language/age-coded-language', {
  valid: [
    'We welcome applications from young carers.',
    'You will support young people leaving care.',
    'You will work with children and young adults.',
    'Meals are made with fresh food every day.',
    'Support for mature students returning to study.',
    'You must be 18 or over because the law requires it for giving medicines.',
    'We have supported people for over 30 years.',
    'We will grow the service from a start-up to mature.',
    'Our mature, well-run service has 40 staff.',
    // The ages of the people the service supports are not an age limit for applicants.
    'You will give support for teenagers aged 13 to 17 on the adolescent ward.',
    // Names of charities and clubs, and the organisation, are not about the applicant.
    'Our partners include Young Lives vs Cancer and YoungMinds.',
    'We are a young organisation founded in 2019.',
    'Support each young person and their family.',
    'Our clinic sees young people aged 16 to 25.',
    'The service works with adults aged 18 to 65 with learning disabilities.',
    'We work with young carers aged 8 to 18, and with young adult carers aged 18 to 25.',
  ],
  invalid: [
    { text: 'Ideal for young people looking for their first job.', flagged: ['Ideal for young people'] },
    {
      text: 'We want a young, energetic person to join us.',
      expected: ['1:11-1:16 warning inclusive-language/age-coded-language match', '1:18-1:27 warning inclusive-language/age-coded-language match'],
      suggestions: ['describe the skills needed, and leave out age'],
    },
    { text: 'Ideal for a recent graduate.', expected: ['1:13-1:28 warning inclusive-language/age-coded-language match'] },
    { text: 'Join our young and dynamic team!', expected: ['1:10-1:32 warning inclusive-language/age-coded-language match'] },
    { text: 'You will be a digital native.', expected: ['1:15-1:29 warning inclusive-language/age-coded-language match'] },
    { text: 'Applicants must be aged 18-25.', expected: ['1:20-1:30 error inclusive-language/age-coded-language age-limit'] },
    { text: 'You must be mature and reliable. We want a mature person.', expected: ['1:13-1:19 warning inclusive-language/age-coded-language match', '1:44-1:57 warning inclusive-language/age-coded-language match'] },
    { text: 'Under 30 only need apply.', expected: ['1:1-1:9 error inclusive-language/age-coded-language age-limit'] },
  ],
});

ruleTable('inclusive-language/gendered-term', {
  valid: [
    'We are hiring a handyperson.',
    'You will support women through pregnancy on the maternity unit.',
    'She joined us in 2019 as a support worker, says our manager Ade.',
    'The chair of the panel is Dr Okafor.',
    "You will work at Guy's and St Thomas' NHS Foundation Trust.",
    'Ask Guy, our deputy manager, about the job.',
    'Hair and beard nets must be worn in the kitchen.',
    // A pronoun for a named person, or for someone else in the sentence, is not about the job.
    'Our manager, Sarah Jones, will meet you; report to her on your first day.',
    'The doctor will see the patient in her home.',
    // “his/her” is one finding, of plain-language/slash-or.
    'The postholder will manage his/her own caseload.',
  ],
  invalid: [
    { text: 'You will be like a caring mum to our residents.', flagged: ['caring mum'] },
    { text: 'We are hiring a handyman.', expected: ['1:17-1:25 error inclusive-language/gendered-term match'], suggestions: ['handyperson', 'maintenance worker'] },
    { text: 'The chairman will interview you.', expected: ['1:5-1:13 warning inclusive-language/gendered-term match'] },
    { text: 'Hey guys, join our team!', expected: ['1:5-1:9 warning inclusive-language/gendered-term match'] },
    { text: 'The successful applicant will show he can work alone.', expected: ['1:36-1:38 warning inclusive-language/gendered-term match'], suggestions: ['you', 'they'] },
    { text: 'The postholder will manage her own caseload.', expected: ['1:28-1:31 warning inclusive-language/gendered-term match'] },
    // A role named in general pictured as a man or a woman.
    { text: 'The theatre co-ordinator allocates lists; you must report to him at the start of each shift.', expected: ['1:62-1:65 warning inclusive-language/gendered-term match'] },
    { text: 'The ward manager will support you and her team will train you.', flagged: ['her'] },
    { text: 'We need a friendly guy for nights. Bearded dudes welcome!', expected: ['1:20-1:23 warning inclusive-language/gendered-term match', '1:36-1:43 warning inclusive-language/gendered-term pictures-a-man', '1:44-1:49 warning inclusive-language/gendered-term match'] },
  ],
});

ruleTable('inclusive-language/disability-language', {
  valid: [
    'We welcome applications from disabled people.',
    'You will support deaf children and run hearing tests.',
    'Some residents are wheelchair users; some have dementia.',
    'The form is invalid if it is not signed.',
    '> “I was told I suffer from nothing but bad luck,” says Sam.',
  ],
  invalid: [
    { text: 'Our service users suffer from dementia.', expected: ['1:19-1:30 warning inclusive-language/disability-language match'], suggestions: ['“has”, “lives with”'] },
    { text: 'Residents who are wheelchair-bound need help.', expected: ['1:19-1:35 warning inclusive-language/disability-language match'], suggestions: ['wheelchair user', 'uses a wheelchair'] },
    { text: 'We never turn a blind eye to poor care.', expected: ['1:10-1:26 warning inclusive-language/disability-language metaphor'] },
    { text: 'Facilities for the disabled.', expected: ['1:16-1:28 warning inclusive-language/disability-language match'], suggestions: ['disabled people'] },
    { text: 'Open to able-bodied staff.', expected: ['1:9-1:20 warning inclusive-language/disability-language match'], suggestions: ['non-disabled'] },
  ],
});

ruleTable('inclusive-language/ability-requirement', {
  valid: [
    'You will answer the call bell, which flashes and sounds.',
    'You will stand up for residents and stand for election to the staff council.',
    'You will run hearing tests for children.',
    'We will make adjustments, such as text relay or a BSL interpreter.',
    'We run a health and wellbeing service for staff.',
  ],
  invalid: [
    { text: 'Must be able to stand for long periods and lift heavy pots.', flagged: ['Must be able to stand'] },
    { text: 'You must be able to hear the call bell.', flagged: ['must be able to hear'] },
    { text: 'Good hearing and eyesight are essential.', flagged: ['Good hearing and eyesight'] },
    { text: 'Excellent verbal communication skills.', flagged: ['verbal communication skills'] },
    { text: 'You must be physically fit.', flagged: ['physically fit'] },
    { text: 'A clear telephone voice is essential.', flagged: ['clear telephone voice'] },
    { text: 'Excellent verbal and written communication skills.', flagged: ['verbal and written communication skills'] },
    { text: 'Shortlisted applicants will have a telephone interview.', expected: ['1:34-1:55 warning inclusive-language/ability-requirement phone-interview'] },
    { text: 'This role is not suitable for disabled people.', flagged: ['not suitable for disabled people'], severity: 'error' },
  ],
});

ruleTable('inclusive-language/ethnicity-terms', {
  valid: [
    'Join our Black, Asian and minority ethnic staff network.',
    'We welcome applications from Black African and Black Caribbean people.',
    'Our BAME network meets every month.',
    'We particularly welcome applications from BAME candidates, who are under-represented here.',
    'People from ethnic minorities are under-represented in senior roles.',
    'We welcome Black, Asian and minority ethnic people.',
  ],
  invalid: [
    { text: 'We want more BAME nurses.', flagged: ['BAME'] },
    { text: 'We welcome applications from non-white candidates.', flagged: ['non-white'] },
    { text: 'We support black women into leadership.', flagged: ['black women'] },
  ],
});

ruleTable('inclusive-language/driving-licence', {
  valid: [
    'You will travel between homes by bus or car; we pay your fares.',
    'Your own car insurance must cover business use if you choose to drive.',
    'So you do not need to drive: we pay for taxis between visits.',
    // The reason is given once, and covers the person specification's row too.
    'A full driving licence is essential, because the role involves home visits across Orpington.\n\n| Other | Full driving licence and access to a car for work |\n|---|---|',
    // Driving is the job.
    'You will drive our ambulances, so you need a full manual driving licence.\n\n| Other | Full manual driving licence |\n|---|---|',
  ],
  invalid: [
    { text: '| Desirable | Driving licence |\n|---|---|', flagged: ['Driving licence'] },
    {
      text: 'A full UK driving licence is essential.',
      expected: ['1:1-1:26 warning inclusive-language/driving-licence match'],
      suggestions: ['Say what travel the job needs and how people can do it; if driving is essential, say why and whether licences from other countries are accepted'],
    },
    { text: 'You must have your own car.', expected: ['1:20-1:27 warning inclusive-language/driving-licence match'] },
    { text: 'You must be able to drive.', expected: ['1:5-1:26 warning inclusive-language/driving-licence match'] },
    { text: 'A car driver with a full UK licence.', flagged: ['a full UK licence'] },
    // One requirement in one sentence.
    { text: 'Drivers only – must have own car.', flagged: ['Drivers only – must have own car'] },
  ],
});

ruleTable('inclusive-language/language-nationality-requirement', {
  valid: [
    'Bring your passport (from any country), for example a British passport or a share code.',
    'You need to speak and write English well enough to explain care plans.',
    'We support people whose first language is not English.',
    'You must have the right to work in the UK.',
    'Many of our residents speak Yoruba as their first language, and some use BSL.',
    'You must have the right to work in the UK. We sponsor visas.',
    'Most of our patients have lived in the UK for 5 years or more.',
    // A regulator's rule, said as such.
    'Nurses who trained abroad need IELTS 7 or OET B for NMC registration.',
  ],
  invalid: [
    { text: 'Perfect English.', flagged: ['Perfect English'] },
    { text: 'You must have lived in the UK for 5 years.', expected: ['1:10-1:42 error inclusive-language/language-nationality-requirement residence-rule'] },
    { text: 'Applicants need 3 years’ UK residency for vetting.', expected: ['1:17-1:38 error inclusive-language/language-nationality-requirement residence-rule'] },
    { text: 'A good command of English is essential.', expected: ['1:3-1:26 warning inclusive-language/language-nationality-requirement vague-english'] },
    { text: 'Good command of written and spoken English.', expected: ['1:1-1:43 warning inclusive-language/language-nationality-requirement vague-english'] },
    { text: 'Excellent spoken and written English.', expected: ['1:1-1:37 warning inclusive-language/language-nationality-requirement vague-english'] },
    { text: 'Fluent English is a must.', expected: ['1:1-1:15 warning inclusive-language/language-nationality-requirement vague-english'] },
    { text: 'You must hold IELTS at level 7.', expected: ['1:15-1:31 warning inclusive-language/language-nationality-requirement test-score'] },
    { text: 'Good spoken and written English essential.', flagged: ['Good spoken and written English'] },
    { text: 'Excellent spoken English (first-language standard).', flagged: ['Excellent spoken English', 'first-language standard'] },
    { text: 'Native English speaker required.', expected: ['1:1-1:23 error inclusive-language/language-nationality-requirement match'] },
    { text: 'English must be your first language.', expected: ['1:1-1:36 error inclusive-language/language-nationality-requirement match'] },
    { text: 'British citizens only.', expected: ['1:1-1:22 error inclusive-language/language-nationality-requirement match'] },
    { text: 'Local candidates only.', expected: ['1:1-1:22 error inclusive-language/language-nationality-requirement match'] },
    { text: 'Please bring your British passport.', expected: ['1:14-1:35 error inclusive-language/language-nationality-requirement british-passport'] },
  ],
});

ruleTable('inclusive-language/uk-only-qualification', {
  valid: [
    'GCSE English and maths at grade 4, or an equivalent qualification from another country.',
    'Experience of care work, in the UK or abroad.',
    'We accept overseas qualifications: a UK degree or equivalent.',
    'We give a high level of care, and a level of expertise recognised around the world.',
    'Experience in a local authority or a similar organisation.',
    'We have been in the NHS for 10 years.',
  ],
  invalid: [
    // A capitalised first word is not a name.
    { text: 'Experience in the NHS.', flagged: ['Experience in the NHS'] },
    { text: 'A nursing degree from a UK university.', flagged: ['from a UK university'] },
    { text: 'NVQ Level 2 in Health and Social Care from a UK college.', flagged: ['NVQ Level 2', 'from a UK college'] },
    { text: "At least 12 months' experience in a UK hospital pharmacy.", flagged: ['experience in a UK hospital pharmacy'] },
    { text: 'Must have worked in an NHS GP surgery.', flagged: ['worked in an NHS GP surgery'] },
    { text: 'You must have worked as a healthcare assistant in the NHS.', flagged: ['worked as a healthcare assistant in the NHS'] },
    { text: 'You need 2 A levels.', flagged: ['A levels'] },
    { text: 'A UK degree in nursing is essential.', flagged: ['UK degree'] },
    { text: 'NHS experience is essential.', flagged: ['NHS experience is essential'] },
    { text: 'You must have GCSE English and maths.', flagged: ['GCSE English and maths'] },
    { text: "Including a minimum of 18 months in MSK outpatients in the NHS.", flagged: ['months in MSK outpatients in the NHS'] },
    // Experience in one sector only.
    { text: 'Over a year of experience, gained in a UK care setting.', flagged: ['gained in a UK care setting'] },
    { text: 'Experience on reception in a UK general practice.', flagged: ['Experience on reception in a UK general practice'] },
    // Next to a time demand, each barrier keeps its own finding.
    { text: 'At least 1 year of NHS acute inpatient experience.', flagged: ['NHS acute inpatient experience'] },
    { text: "Must have worked within children's social services.", flagged: ["worked within children's social services"] },
    { text: "18 months' experience as a support worker in an acute NHS hospital.", flagged: ['experience as a support worker in an acute NHS hospital'] },
    { text: 'Level 2 Functional Skills in English and Maths.', flagged: ['Functional Skills in English and Maths'] },
    {
      text: "At least 2 years' administrative experience in a local authority.",
      flagged: ['experience in a local authority'],
      message: '“experience in a local authority” asks for experience in one sector only, which shuts out people who did the same work for a charity, a private company or in another country: say what the person needs to be able to do, and accept experience from any sector, for example “experience of office work, in any sector”',
    },
  ],
});

ruleTable('inclusive-language/culture-fit', {
  valid: ['The Fit In Together club runs on Fridays.', 'We value people who treat others with compassion.', 'The hoist will fit in the bathroom.', 'Shifts can fit in with school hours.'],
  invalid: [
    { text: 'We want someone who will fit in with our team.', flagged: ['fit in with our team'] },
    { text: 'You will be a great culture fit.', flagged: ['culture fit'] },
    { text: 'We are looking for like-minded people.', flagged: ['like-minded'] },
  ],
});

ruleTable('inclusive-language/continuous-employment', {
  valid: [
    'We have offered work experience within the last 2 years to 40 students.',
    'You need a DBS check within the last 3 months.','Gaps in your work history are fine; tell us what you did.', 'Continuous professional development is supported.'],
  invalid: [
    // Only the time limit: “worked as a healthcare assistant in the NHS” is another barrier (UK-only experience).
    { text: 'You must have worked as a healthcare assistant within the last 12 months.', flagged: ['within the last 12 months'] },
    { text: 'No gaps in employment.', flagged: ['No gaps in employment'] },
    { text: 'References for the last 3 years, with no unexplained gaps.', flagged: ['no unexplained gaps'] },
    { text: 'A continuous employment history is essential.', flagged: ['continuous employment'] },
    { text: 'A stable employment history with no gaps.', flagged: ['stable employment history', 'with no gaps'] },
  ],
});

ruleTable('inclusive-language/years-of-experience', {
  valid: [
    'Experience of supporting people at home is desirable.',
    'We have supported people for 20 years.',
    'You will work 2 years and experience every ward.',
    "We are a family business with 40 years' experience of home care.",
    "Our team has over 100 years' experience between them.",
    "We have a year's experience of running this service.",
    'You will have a year to complete the course.',
  ],
  invalid: [
    // One requirement in one sentence: one finding, from the first time demand to the last.
    { text: "At least 2 years' post-registration experience, including 1 year in a community setting.", flagged: ["At least 2 years' post-registration experience, including 1 year in"] },
    { text: "You need 2 years' experience. You also need 6 months' experience of nights.", flagged: ["2 years' experience", "6 months' experience"] },
    { text: "Over a year's experience of caring for children.", flagged: ["Over a year's experience"] },
    { text: "At least half a year's experience in a kitchen.", flagged: ["At least half a year's experience"] },
    { text: 'Minimum of 3 years in home care, including 1 year at senior level.', flagged: ['Minimum of 3 years in home care, including 1 year at'] },
    { text: "At least 12 months' experience in a care setting.", flagged: ["At least 12 months' experience"] },
    { text: "2 years' post-registration experience.", flagged: ["2 years' post-registration experience"] },
    { text: "At least 1 year's experience on reception.", flagged: ["At least 1 year's experience"] },
    { text: 'A minimum of 18 months in MSK outpatients.', flagged: ['A minimum of 18 months in'] },
    { text: "At least 5 years' experience in care is essential.", flagged: ["At least 5 years' experience"] },
    { text: '3+ years of experience.', flagged: ['3+ years of experience'] },
    { text: 'Minimum of two years relevant experience.', flagged: ['Minimum of two years relevant experience'] },
  ],
});

ruleTable('inclusive-language/appearance-rule', {
  valid: ['We provide a uniform; tell us if you need adjustments for religion or belief.', 'We offer an attractive salary in a beautiful part of the country.'],
  invalid: [
    { text: 'Staff must be clean-shaven.', flagged: ['clean-shaven'] },
    { text: 'No head coverings are allowed.', flagged: ['No head coverings'] },
    { text: 'A smart professional appearance is essential.', flagged: ['professional appearance'] },
    { text: 'Immaculate personal presentation.', flagged: ['Immaculate personal presentation'] },
  ],
});

ruleTable('inclusive-language/availability-demand', {
  valid: [
    'Our helpline is open 24/7.',
    'Shifts are 7am to 3pm or 3pm to 11pm; we agree your rota a month ahead.',
    'We take a flexible approach to working hours.',
    'You can pick up extra shifts at short notice if you want to.',
  ],
  invalid: [
    { text: 'You must be available 24/7.', flagged: ['available 24/7'] },
    { text: 'You must work any shift at short notice.', flagged: ['any shift at short notice'] },
    { text: 'Flexibility is essential.', flagged: ['Flexibility is essential'] },
    { text: 'You will need a flexible approach to meet the needs of the service.', flagged: ['flexible approach to meet the needs of the service'] },
    { text: 'You must be willing to work across sites.', flagged: ['willing to work across sites'] },
    { text: 'You will be expected to work additional hours.', flagged: ['expected to work additional hours'] },
    { text: 'Must be willing to cover extra shifts when needed.', flagged: ['willing to cover extra shifts'] },
    { text: 'You will need a flexible approach to working hours.', flagged: ['flexible approach to working hours'] },
    // One demand in a sentence is one finding, from its first words to its last.
    { text: 'Assistants must be willing to cover other localities as service needs dictate.', flagged: ['willing to cover other localities as service needs dictate'] },
    { text: 'Available whenever young carers need us, including evenings.', flagged: ['Available whenever'] },
    { text: 'You must be available to work any shift.', flagged: ['available to work any shift'] },
    { text: 'Flexibility to work a 24/7 rota is essential.', flagged: ['Flexibility to work a 24/7 rota'] },
    { text: 'You may need to stay late if a clinic overruns.', flagged: ['stay late if a clinic overruns'] },
    { text: 'You will work evenings and weekends as required.', flagged: ['evenings and weekends as required'] },
  ],
});

ruleTable('inclusive-language/health-question-pre-offer', {
  valid: [
    'Please tell us if you need any adjustments for the interview.',
    'After we offer you the job we will ask you to fill in a health questionnaire.',
  ],
  invalid: [
    { text: 'Do you have a disability or long-term health condition?', flagged: ['Do you have a disability'], severity: 'error' },
    { text: 'Please list any medical conditions.', flagged: ['list any medical conditions'] },
    { text: 'How many sick days did you take last year?', flagged: ['How many sick days'] },
    { text: 'Tell us how many days of sickness absence you had.', flagged: ['how many days of sickness absence'] },
    { text: 'Please state on your application form whether you have a hearing impairment.', flagged: ['state on your application form whether you have a hearing impairment'] },
  ],
});

ruleTable('inclusive-language/vague-trait', {
  valid: [
    'You will explain care plans to families in person and in writing.',
    'You will work with 5 other support workers on each shift.',
    'We will help you grow in confidence.',
    'You will be confident using email.',
    // A clinical term, and what the service does for its clients.
    'You will do a dynamic risk assessment.',
    'We help young people build resilience.',
  ],
  invalid: [
    { text: 'Excellent IT skills and good organisational skills.', expected: ['1:1-1:20 info inclusive-language/vague-trait match', '1:25-1:51 info inclusive-language/vague-trait match'] },
    { text: 'You will be a team player.', expected: ['1:15-1:26 info inclusive-language/vague-trait match'] },
    { text: 'You must be able to multitask; this is essential.', expected: ['1:21-1:30 warning inclusive-language/vague-trait match'] },
    { text: 'You work well under pressure and think on your feet.', expected: ['1:5-1:29 info inclusive-language/vague-trait match', '1:34-1:52 info inclusive-language/vague-trait match'] },
    { text: '## Essential\n\n- Excellent communication skills', expected: ['3:3-3:33 warning inclusive-language/vague-trait match'] },
    { text: 'Excellent written and interpersonal skills.', expected: ['1:1-1:43 info inclusive-language/vague-trait match'] },
    { text: 'Good interpersonal and communication skills.', expected: ['1:1-1:44 info inclusive-language/vague-trait match'] },
    { text: 'A can-do attitude.', expected: ['1:3-1:18 info inclusive-language/vague-trait match'] },
    { text: 'We are looking for a dynamic nurse with a resilient personality.', flagged: ['dynamic', 'resilient personality'] },
    { text: 'Thick skin', flagged: ['Thick skin'] },
    { text: 'You must be able to work on your own initiative.', flagged: ['work on your own initiative'] },
  ],
});

ruleTable('inclusive-language/gender-coded-balance', {
  valid: [
    'You will support residents and work together with a kind, caring team.',
    // The duties, job titles and people of care work are not counted.
    'As a support worker and team leader you will manage challenging behaviour.',
    // A qualification's name is not the advert's wording.
    'You will be confident and hold the Level 5 Diploma in Leadership and Management for Adult Care.',
    // Balanced wording is fine: guidance only when it leans masculine.
    'You will be confident and decisive, and kind and supportive with families.',
    // One stray word is no pattern, and being confident with a tool is a skill, not a personality.
    'You will be decisive. You will be confident using email.',
    // Equality statements and headings are left out.
    '## Lead with confidence\n\nWe welcome applications from people who are ambitious, whatever their background.',
  ],
  invalid: [
    {
      text: 'We want a competitive, driven and decisive individual with ambition.',
      expected: ['document info inclusive-language/gender-coded-balance masculine'],
      message:
        'This text leans masculine: 5 masculine-coded words (competitive, driven, decisive, individual, ambition) and 0 feminine-coded. Balance it with words about working together and supporting people.',
    },
  ],
});

ruleTable('inclusive-language/paid-experience-only', {
  valid: ['Experience of supporting people, paid or unpaid, is desirable.', 'We pay for your time on a trial shift.', 'Paid or unpaid experience of care.'],
  invalid: [
    { text: 'Paid experience in a care setting is essential.', flagged: ['Paid experience'], severity: 'warning' },
    { text: 'At least six months in paid employment: experience in a paid role.', flagged: ['experience in a paid role'] },
  ],
});

ruleTable('inclusive-language/previous-applicants-barred', {
  valid: ['If you applied before, you are welcome to apply again.', 'Previous experience of care work is desirable.', 'Previous applicants are welcome to apply again.'],
  invalid: [
    { text: 'Previous applicants need not apply.', flagged: ['Previous applicants need not apply'], severity: 'warning' },
    { text: 'If you have applied in the last 6 months please do not apply again.', flagged: ['If you have applied in the last 6 months please do not apply again'] },
    { text: 'Candidates who have previously applied will not be considered.', flagged: ['Candidates who have previously applied will not be considered'] },
    { text: 'Applicants who have applied for this role in the last 6 months will not be considered.', flagged: ['Applicants who have applied for this role in the last 6 months will not be considered'] },
  ],
});

ruleTable('inclusive-language/may-close-early', {
  valid: ['We will read every application that reaches us by the closing date.', 'The closing date is 5pm on Friday 9 July 2027.'],
  invalid: [
    { text: 'This advert may close early if we receive a high number of applications.', flagged: ['may close early'], severity: 'warning' },
    { text: 'The vacancy may be closed before the advertised closing date.', flagged: ['may be closed before the advertised closing date'] },
    { text: 'We reserve the right to close this vacancy early.', flagged: ['right to close this vacancy early'] },
  ],
});

ruleTable('inclusive-language/no-alternative-date', {
  valid: ['If this time does not work for you, tell us and we will find another.', 'We can offer alternative dates if you need them.'],
  invalid: [
    { text: 'Unfortunately we are unable to offer alternative dates.', flagged: ['unable to offer alternative dates'], severity: 'warning' },
    { text: 'No alternative dates can be offered.', flagged: ['No alternative dates can be offered'] },
    { text: 'If you cannot attend, your application will be withdrawn.', flagged: ['If you cannot attend, your application will be withdrawn'] },
    { text: 'Interview dates cannot be changed.', flagged: ['dates cannot be changed'] },
    { text: 'Unfortunately we are unable to change the interview date.', flagged: ['unable to change the interview date'] },
    { text: 'We cannot rearrange the interview time.', flagged: ['cannot rearrange the interview time'] },
  ],
});
