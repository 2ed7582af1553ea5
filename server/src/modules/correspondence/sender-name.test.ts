import { describe, expect, it } from 'vitest';
import { senderDisplayName, splitSenderName } from './commands/sender-name';

describe('a writer’s name as written', () => {
  it('reads the civility, the last name in capitals, else the last word', () => {
    expect(splitSenderName('Mme Jeanne DUPONT')).toEqual({ civility: 'Mme', firstName: 'Jeanne', lastName: 'DUPONT' });
    expect(splitSenderName('KALOI Noëlla')).toEqual({ civility: null, firstName: 'Noëlla', lastName: 'KALOI' });
    expect(splitSenderName('Monsieur Jean-Marc Wamytan')).toEqual({
      civility: 'M.',
      firstName: 'Jean-Marc',
      lastName: 'Wamytan',
    });
    expect(splitSenderName('Wahetra')).toEqual({ civility: null, firstName: null, lastName: 'Wahetra' });
    // « Madame » alone is a name, not a civility with nothing after it.
    expect(splitSenderName('Madame')).toEqual({ civility: null, firstName: null, lastName: 'Madame' });
  });

  it('displays first name then last name, as the directory does', () => {
    expect(senderDisplayName('M. Théo WAMYTAN')).toBe('Théo WAMYTAN');
  });
});
