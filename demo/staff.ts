// Staffing a company with contacts: random people in the country's language for the given buying roles.

import { randomName, randomTitle, type DemoRole } from './people';
import type { Random } from './random';
import type { DemoCompany, DemoPerson, DemoWorld } from './world';

/** One contact per role, with distinct names, created between `from` and `to`. */
export function staffCompany(
  world: DemoWorld,
  company: DemoCompany,
  roles: DemoRole[],
  random: Random,
  created: { from: number; to: number },
): DemoPerson[] {
  const language = company.country.language;
  const taken = new Set(world.peopleAt(company).map((person) => `${person.firstName} ${person.lastName}`));
  return roles.map((role) => {
    let name = randomName(random, language);
    for (let tries = 0; tries < 8 && taken.has(`${name.firstName} ${name.lastName}`); tries++) name = randomName(random, language);
    taken.add(`${name.firstName} ${name.lastName}`);
    return world.addPerson(company, {
      ...name,
      role,
      title: randomTitle(random, role, language, name.gender),
      createdDay: random.int(created.from, Math.max(created.from, created.to)),
    });
  });
}
