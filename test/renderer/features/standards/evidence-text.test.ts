import { describe, expect, it } from 'vitest';
import { evidenceParts } from '../../../../renderer/features/standards/evidence-text';

describe('evidenceParts', () => {
  it('keeps plain evidence as one text part', () => {
    expect(evidenceParts('Signed MSA, clause 14')).toEqual([{ kind: 'text', text: 'Signed MSA, clause 14' }]);
    expect(evidenceParts('')).toEqual([]);
  });

  it('makes https addresses links, leaving the sentence punctuation outside', () => {
    expect(evidenceParts('Signed MSA: https://contracts.example.com/msa-2026. Renewal due in May.')).toEqual([
      { kind: 'text', text: 'Signed MSA: ' },
      { kind: 'link', text: 'https://contracts.example.com/msa-2026', url: 'https://contracts.example.com/msa-2026' },
      { kind: 'text', text: '. Renewal due in May.' },
    ]);
  });

  it('keeps a closing bracket the link did not open out of it, and one it did open in it', () => {
    expect(evidenceParts('(see https://wiki.example.com/raci)')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://wiki.example.com/raci', url: 'https://wiki.example.com/raci' },
      { kind: 'text', text: ')' },
    ]);
    expect(evidenceParts('https://en.example.org/wiki/Escrow_(law)')[0]).toEqual({
      kind: 'link',
      text: 'https://en.example.org/wiki/Escrow_(law)',
      url: 'https://en.example.org/wiki/Escrow_(law)',
    });
  });

  it('links mailto addresses and several links in one text', () => {
    const parts = evidenceParts('Policy https://a.example/policy and log https://b.example/log\nAsk mailto:security@example.com');
    expect(parts.filter((part) => part.kind === 'link').map((part) => part.text)).toEqual([
      'https://a.example/policy',
      'https://b.example/log',
      'mailto:security@example.com',
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(
      'Policy https://a.example/policy and log https://b.example/log\nAsk mailto:security@example.com',
    );
  });

  it('leaves addresses the platform refuses to open as text', () => {
    expect(evidenceParts('Old copy at http://intranet.example/msa and https://user:pw@files.example/x')).toEqual([
      { kind: 'text', text: 'Old copy at http://intranet.example/msa and https://user:pw@files.example/x' },
    ]);
  });
});
