/** 办理结果公开 (Art. 20): the unit's choice for a sent reply, and the text published (disclosure.ts). */
import type { Slice } from '../../slice';
import { assertDisclosureAllowed, decideDisclosure, evolveDisclosure } from './disclosure';

export * from './disclosure';
export * from './types';

export const disclosureSlice: Slice = {
  name: 'art20-disclosure',
  articles: ['第二十条'],
  commands: ['ChooseDisclosure'],
  events: ['DisclosureChosen'],
  assert(command, state) {
    if (command.type === 'ChooseDisclosure') assertDisclosureAllowed(command, state);
  },
  decide: (command, state, ctx) => (command.type === 'ChooseDisclosure' ? decideDisclosure(command, state, ctx.now) : []),
  evolve: (state, event) => (event.type === 'DisclosureChosen' ? evolveDisclosure(state, event) : state),
};
