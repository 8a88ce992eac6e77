import type { Person } from '@shared/domain/engagement';

/** How a person reads in pickers: "Ana Ruiz, Tech lead". */
export const personLabel = (person: Pick<Person, 'name' | 'title'>) => (person.title ? `${person.name}, ${person.title}` : person.name);

/** `<option>`s for the engagement's people, client side first, each valued by the person's id prefixed with `valuePrefix`. */
export function PersonOptions({ people, valuePrefix = '' }: { people: Person[]; valuePrefix?: string }) {
  const groups = [
    { label: 'Client people', members: people.filter((person) => person.organisation === 'client') },
    { label: 'Partner people', members: people.filter((person) => person.organisation === 'partner') },
  ];
  return (
    <>
      {groups
        .filter((group) => group.members.length > 0)
        .map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.members.map((person) => (
              <option key={person.id} value={`${valuePrefix}${person.id}`}>
                {personLabel(person)}
              </option>
            ))}
          </optgroup>
        ))}
    </>
  );
}
