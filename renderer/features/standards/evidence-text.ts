/**
 * Evidence is free text that often names where the proof lives ("Signed MSA:
 * https://contracts.example.com/msa-2026."). Splitting it into text and links lets the
 * view make the links clickable while everything else stays plain text.
 */
import { isSafeExternalUrl } from '@shared/platform/origin';

export type EvidencePart = { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string };

const LINK_CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;
// Sentence punctuation right after a link belongs to the sentence, not the address.
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/;

/** Drops trailing punctuation, and a closing bracket the link did not open ("(see https://x.example/a)"). */
function trimLink(candidate: string): string {
  let link = candidate.replace(TRAILING_PUNCTUATION, '');
  while (link.endsWith(')') && (link.match(/\(/g)?.length ?? 0) < (link.match(/\)/g)?.length ?? 0)) {
    link = link.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return link;
}

/**
 * The evidence as text and link parts, in order. Only addresses the platform will open
 * (https with a host, mailto) become links; an http:// address stays text, since it would
 * be refused when clicked.
 */
export function evidenceParts(evidence: string): EvidencePart[] {
  const parts: EvidencePart[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += text;
    else parts.push({ kind: 'text', text });
  };
  let position = 0;
  for (const match of evidence.matchAll(LINK_CANDIDATE)) {
    const link = trimLink(match[0]);
    pushText(evidence.slice(position, match.index));
    if (isSafeExternalUrl(link)) parts.push({ kind: 'link', text: link, url: link });
    else pushText(link);
    position = match.index + link.length;
  }
  pushText(evidence.slice(position));
  return parts;
}
