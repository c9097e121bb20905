/** A hand-written exercise: one inject marked 取扱注意 (level 1), and two that depend on a decision. */
export const liveExercise = {
  design: {
    title: { ja: '演習', en: 'Exercise' },
    organisations: [{ id: 'ministry', name: 'Ministry', kind: 'ministry' }],
    teams: [
      { id: 'gov', name: 'Economic security office', organisation: 'ministry' },
      { id: 'industry', name: 'Industry', organisation: 'ministry' },
    ],
    questionnaire: { anonymous: true, questions: [{ id: 'q1', text: 'What worked?', kind: 'text' }] },
  },
  injects: [
    { id: 'brief', at: 0, team: 'all', title: 'Exercise start', body: 'Supply of 811292 is cut.' },
    {
      id: 'intel',
      at: 1,
      team: 'gov',
      title: 'Restricted assessment XYZZY-TITLE',
      body: 'The supplier will extend the ban: XYZZY-BODY',
      marking: { level: 1, compartments: [], releasableTo: null },
      expectations: ['Decide who may be told'],
    },
    {
      id: 'stock-out',
      at: 2,
      team: 'gov',
      title: 'Stocks run out',
      body: 'Month 2: stocks of 811292 run out',
      expectations: ['Decide on a stockpile release'],
    },
    { id: 'industry-note', at: 2, team: 'industry', title: 'For industry only', body: 'INDUSTRY-ONLY' },
    {
      id: 'escalation',
      at: 2.5,
      team: 'gov',
      title: 'Production stoppages',
      condition: { inject: 'stock-out', taken: false, action: 'stockpile-release' },
    },
    {
      id: 'release-confirmed',
      at: 2.5,
      team: 'gov',
      title: 'Release under way',
      condition: { inject: 'stock-out', taken: true, action: 'stockpile-release' },
    },
  ],
};
