// Names and job titles as they appear in European food-industry CRMs: English titles everywhere, and German,
// French and Spanish ones at companies in those countries (with the feminine form where the language has one).

import type { Random } from './random';
import type { Country, Language } from './places';

export type Gender = 'f' | 'm';

/** The part a person plays in buying, as the demo assigns it (the insights derive their own from the title). */
export type DemoRole = 'economic' | 'finance' | 'procurement' | 'technical' | 'quality' | 'operations' | 'user';

const FIRST_NAMES: Record<Language, Record<Gender, string[]>> = {
  en: {
    m: ['James', 'Oliver', 'Daniel', 'Michael', 'Tom', 'Ben', 'Ryan', 'Chris', 'Liam', 'Matthew', 'Owen', 'Adam'],
    f: ['Emma', 'Sarah', 'Charlotte', 'Hannah', 'Olivia', 'Rachel', 'Grace', 'Lucy', 'Sophie', 'Megan', 'Priya', 'Aoife'],
  },
  de: {
    m: ['Jonas', 'Lukas', 'Felix', 'Maximilian', 'Stefan', 'Thomas', 'Markus', 'Andreas', 'Tobias', 'Florian', 'Jürgen'],
    f: ['Anna', 'Katrin', 'Julia', 'Sabine', 'Laura', 'Lena', 'Miriam', 'Claudia', 'Sophie', 'Nina', 'Jördis'],
  },
  fr: {
    m: ['Julien', 'Nicolas', 'Antoine', 'Thomas', 'Pierre', 'Mathieu', 'Olivier', 'Romain', 'Hugo', 'Sébastien'],
    f: ['Camille', 'Claire', 'Élodie', 'Sophie', 'Julie', 'Margaux', 'Céline', 'Amélie', 'Chloé', 'Aurélie'],
  },
  es: {
    m: ['Javier', 'Carlos', 'Alejandro', 'Pablo', 'Sergio', 'Daniel', 'Miguel', 'Álvaro', 'Jorge', 'Raúl'],
    f: ['Lucía', 'María', 'Carmen', 'Laura', 'Marta', 'Elena', 'Sara', 'Paula', 'Cristina', 'Nuria'],
  },
  nl: {
    m: ['Daan', 'Sem', 'Bram', 'Thijs', 'Ruben', 'Jeroen', 'Sander', 'Bas'],
    f: ['Sanne', 'Lotte', 'Eva', 'Fleur', 'Anouk', 'Femke', 'Iris', 'Lieke'],
  },
  it: {
    m: ['Marco', 'Luca', 'Andrea', 'Matteo', 'Giuseppe', 'Francesco', 'Davide'],
    f: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Valentina', 'Elena', 'Alessia'],
  },
};

const LAST_NAMES: Record<Language, string[]> = {
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Roberts', 'Walker', 'Wright', 'Thompson', 'Hughes', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Jackson', "O'Brien", 'Murphy', 'Kelly'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Wolf', 'Schröder', 'Neumann', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Bertrand', 'Roux', 'Vincent', 'Fournier'],
  es: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Torres'],
  nl: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos'],
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
};

/** A title, or its masculine and feminine forms. */
type Title = string | readonly [string, string];

const ENGLISH_TITLES: Record<DemoRole, Title[]> = {
  economic: ['CEO', 'Managing Director', 'Owner', 'General Manager', 'Founder & CEO'],
  finance: ['CFO', 'Finance Director', 'Financial Controller', 'Head of Finance'],
  procurement: ['Purchasing Manager', 'Head of Procurement', 'Senior Buyer', 'Procurement Manager', 'Category Buyer, Ingredients'],
  technical: ['Head of R&D', 'R&D Manager', 'Product Development Manager', 'Food Technologist', 'Technical Director'],
  quality: ['QA Manager', 'Quality Assurance Manager', 'Head of Quality'],
  operations: ['Production Manager', 'Plant Manager', 'Operations Director', 'Supply Chain Manager'],
  user: ['Logistics Coordinator', 'Production Planner', 'Planning Coordinator', 'Warehouse Supervisor'],
};

const LOCAL_TITLES: Partial<Record<Language, Record<DemoRole, Title[]>>> = {
  de: {
    economic: [['Geschäftsführer', 'Geschäftsführerin'], ['Inhaber', 'Inhaberin']],
    finance: [['Leiter Finanzen', 'Leiterin Finanzen'], ['Kaufmännischer Leiter', 'Kaufmännische Leiterin']],
    procurement: [['Einkaufsleiter', 'Einkaufsleiterin'], ['Leiter Einkauf', 'Leiterin Einkauf'], ['Strategischer Einkäufer', 'Strategische Einkäuferin']],
    technical: [['Leiter Forschung & Entwicklung', 'Leiterin Forschung & Entwicklung'], ['Produktentwickler', 'Produktentwicklerin']],
    quality: [['Leiter Qualitätssicherung', 'Leiterin Qualitätssicherung'], ['Qualitätsmanager', 'Qualitätsmanagerin']],
    operations: [['Produktionsleiter', 'Produktionsleiterin'], ['Werksleiter', 'Werksleiterin']],
    user: [['Disponent', 'Disponentin'], ['Lagerleiter', 'Lagerleiterin']],
  },
  fr: {
    economic: [['Directeur général', 'Directrice générale'], ['Président', 'Présidente'], ['Gérant', 'Gérante']],
    finance: [['Directeur financier', 'Directrice financière'], 'Responsable administratif et financier'],
    procurement: ['Responsable des achats', ['Acheteur', 'Acheteuse'], ['Directeur des achats', 'Directrice des achats']],
    technical: ['Responsable R&D', ['Ingénieur développement produit', 'Ingénieure développement produit']],
    quality: ['Responsable qualité', 'Responsable assurance qualité'],
    operations: ['Responsable production', ["Directeur d'usine", "Directrice d'usine"]],
    user: ['Responsable logistique', ['Approvisionneur', 'Approvisionneuse']],
  },
  es: {
    economic: [['Director general', 'Directora general'], ['Consejero delegado', 'Consejera delegada'], 'Gerente'],
    finance: [['Director financiero', 'Directora financiera'], 'Responsable de administración'],
    procurement: [['Jefe de compras', 'Jefa de compras'], ['Director de compras', 'Directora de compras'], ['Comprador', 'Compradora']],
    technical: ['Responsable de I+D', ['Tecnólogo de alimentos', 'Tecnóloga de alimentos']],
    quality: ['Responsable de calidad'],
    operations: [['Jefe de producción', 'Jefa de producción'], ['Director de operaciones', 'Directora de operaciones']],
    user: ['Responsable de logística', ['Planificador de producción', 'Planificadora de producción']],
  },
};

export interface PersonName {
  firstName: string;
  lastName: string;
  gender: Gender;
}

export function randomName(random: Random, language: Language): PersonName {
  const gender: Gender = random.chance(0.5) ? 'f' : 'm';
  return { firstName: random.pick(FIRST_NAMES[language][gender]), lastName: random.pick(LAST_NAMES[language]), gender };
}

/** A title for the role: in the country's language 60% of the time where we have local titles, else English. */
export function randomTitle(random: Random, role: DemoRole, language: Language, gender: Gender): string {
  const local = LOCAL_TITLES[language];
  const pool = local && random.chance(0.6) ? local[role] : ENGLISH_TITLES[role];
  const title = random.pick(pool);
  return typeof title === 'string' ? title : title[gender === 'm' ? 0 : 1];
}

/** A phone number in the country's international form; digits are random, not anyone's line. */
export function randomPhone(random: Random, country: Country): string {
  if (country.code === 'UK') {
    // Ofcom keeps 020 7946 0000–0999 free for drama, so these numbers reach nobody:
    // https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama-programmes
    return `+44 20 7946 0${String(random.int(0, 999)).padStart(3, '0')}`;
  }
  const area = random.int(20, 899);
  const line = String(random.int(100000, 9999999));
  return `${country.phonePrefix} ${area} ${line}`;
}
