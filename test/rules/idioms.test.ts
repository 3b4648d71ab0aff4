import { ruleTable } from '../helpers.js';

ruleTable('plain-language/idiom', {
  valid: [
    'You will start work after two weeks of training.',
    'Running clubs meet on Tuesdays.',
    'We will pay you while you train.',
    'Hats must be worn in the kitchen.',
    'The loop road is closed. Go to the extra car park.',
    'You will work hard to help people live well.',
    'Our garden has a dynamo-powered light.',
    'Nominate a colleague for our Care Hero award.',
    'Our residents pop in to the lounge for tea.',
  ],
  invalid: [
    { text: 'We want bags of energy and someone who leads from the front. No time wasters please.', flagged: ['bags of energy', 'leads from the front', 'time wasters'] },
    { text: 'Bring sparkle to mealtimes. Pop in for a chat.', flagged: ['Bring sparkle', 'Pop in'] },
    { text: 'An exciting opportunity has arisen to be the face of the clinic.', flagged: ['An exciting opportunity has arisen', 'the face of the clinic'] },
    {
      text: 'We want a self-starter who can hit the ground running.',
      flagged: ['self-starter', 'hit the ground running'],
      severity: 'warning',
    },
    { text: 'You will thrive in a fast-paced, dynamic environment.', flagged: ['fast-paced', 'dynamic environment'] },
    { text: 'Are you a care rockstar?', flagged: ['rockstar'] },
    { text: 'Whilst on shift you will wear a uniform.', flagged: ['Whilst'], suggestions: ['While'], message: 'Write “while”, not “Whilst”: it is the everyday word.' },
    { text: 'Reply in a timely manner.', flagged: ['in a timely manner'], suggestions: ['on time', 'promptly'] },
    { text: 'We work hard, play hard and always go the extra mile.', flagged: ['work hard, play hard', 'go the extra mile'] },
    { text: 'Let us touch base and keep you in the loop.', flagged: ['touch base', 'keep you in the loop'] },
    { text: 'Join our heroic, cutting-edge, drama-free team.', flagged: ['heroic', 'cutting-edge', 'drama-free'] },
    { text: 'You are at the top of your game.', flagged: ['at the top of your game'] },
  ],
});
