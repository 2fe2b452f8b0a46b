// The words job titles are made of, as data: which words say how senior a person is and which say what they do.
// Patterns run on a normalized title: lower case, accents stripped (ä→a, é→e), ß→ss, punctuation turned into
// single spaces, and a few joined abbreviations rewritten first (R&D / F&E / I+D → "rnd", F&B → "fnb").
//
// Sources for the vocabulary:
// - English C-suite and VP titles: https://en.wikipedia.org/wiki/Corporate_title
// - German: "Geschäftsführer" (managing director of a GmbH, GmbHG §35), "Inhaber", "Vorstand", "Prokurist",
//   "Leiter/Leiterin" compounds (Einkaufsleiter, Produktionsleiter): https://de.wikipedia.org/wiki/Geschäftsführer
//   and the Bundesagentur für Arbeit job titles (KldB 2010) https://statistik.arbeitsagentur.de/DE/Statischer-Content/Grundlagen/Klassifikationen/Klassifikation-der-Berufe/KldB2010-Fassung2020/
// - French: PDG, DG, DAF, gérant (SARL), "responsable"/"chef de" as manager level:
//   https://fr.wikipedia.org/wiki/Président-directeur_général and ROME job codes https://www.francetravail.fr
// - Spanish: consejero delegado, director general, gerente, jefe de compras:
//   https://es.wikipedia.org/wiki/Consejero_delegado
// - Food-industry titles (food technologist, NPD, flavourist, QA): the demo world in demo/people.ts.

export const SENIORITIES = ['executive', 'vp', 'director', 'manager', 'individual', 'unknown'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const FUNCTIONS = [
  'finance',
  'procurement',
  'operations',
  'technical',
  'executive',
  'sales',
  'marketing',
  'legal',
  'other',
] as const;
export type TitleFunction = (typeof FUNCTIONS)[number];

/** Rewrites applied before tokenizing, so that joined abbreviations survive punctuation stripping. */
export const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(r|f)\s*[&+]\s*(d|e)\b|\bi\s*\+\s*d\b/g, ' rnd '],
  [/\bf\s*&\s*b\b/g, ' fnb '],
  [/\bq[ac]\s*\/\s*q[ac]\b/g, ' qa '],
  // "business development" sells; "product development" builds.
  [/\bbusiness development\b|\bdeveloppement commercial\b|\bdesarrollo de negocios?\b/g, ' bizdev '],
];

/** Someone's assistant is not that someone: "PA to MD", "Assistentin der Geschäftsführung". */
export const ASSISTANT_TO =
  /\b(assistant|assistante|assistent|assistentin|assistenz|asistente|secretary|sekretarin|pa|ea) (to|of|der|de|del)\b|\b(executive|personal) assistant\b/;

/** Seniority words, most senior level first; a title takes the highest level any of its words shows. */
export const SENIORITY_WORDS: ReadonlyArray<readonly [Exclude<Seniority, 'unknown'>, readonly string[]]> = [
  [
    'executive',
    [
      String.raw`\b(ceo|cfo|coo|cto|cio|cpo|cmo|cco|cro|clo|chro|cdo)\b`,
      String.raw`\bchief (\w+ ){0,3}officer\b|\bchief executive\b`,
      String.raw`(?<!vice )\bpresident(e)?\b`,
      String.raw`\b(co ?)?owner\b|\b(co ?)?founder\b|\bfondat(eur|rice)\b|\b(socio )?fundador(a)?\b|\bproprietor\b|\bpropietari[oa]\b`,
      String.raw`\bchair(man|woman|person)?\b|\bmanaging (director|partner)\b|\bmd\b|\bgeneral manager\b|\bgm\b`,
      String.raw`\bgeschae?ftsfue?hr\w*|\bgeschae?ftsleit\w*|\binhaber(in)?\b|\bvorstand\w*|\bvorsitzende(r)?\b`,
      String.raw`\bdirect(eur|rice) general(e)?\b|\bpdg\b|\bdg\b|\b(co)?gerant(e)?\b|\bdirector(a)? general\b`,
      String.raw`\bconsejer[oa] delegad[oa]\b|^gerente( general)?$`,
    ],
  ],
  ['vp', [String.raw`\b(vp|svp|evp|avp)\b|\bvice president\b|\bvicepresident(e|a)?\b|\bvizeprasident\w*`]],
  [
    'director',
    [
      String.raw`\bdirector(a)?\b|\bdirect(eur|rice)\b|\bdirektor(in)?\b|\bdir\b|\bdaf\b`,
      String.raw`\bhead of\b|\bhead (?!chef|baker|cook|buyer|brewer)\w`,
      // Leiter compounds, except the team-level ones (Teamleiter, Schichtleiter, Lagerleiter ...).
      String.raw`\b(?!(team|gruppen|schicht|lager|projekt|filial)leit)\w*leit(er|erin|ung)\b`,
      String.raw`\bprokurist\w*|\bgeneral counsel\b`,
    ],
  ],
  [
    'manager',
    [
      String.raw`\w*manager(in)?\b|\bmgr\b|\bmngr\b|\bsupervisor\b|\bsuperintendent\b|\bforeman\b|\bteam lead(er)?\b`,
      String.raw`\bresponsable\b|\bjef[ea]\b|\bencargad[oa]\b|\bgerente\b|\bcontroller\b`,
      String.raw`(?<!(development|commis|junior) )\bchef\b|\bkuchenchef\b|\bchefkoch\b|\bhead (chef|baker|cook|buyer|brewer)\b`,
      String.raw`\w*meister(in)?\b|\b(team|gruppen|schicht|lager|projekt|filial)leiter(in)?\b`,
    ],
  ],
  [
    'individual',
    [
      String.raw`\b(buyer|purchaser|analyst|analista|engineer|ingenieur(e)?|ingenier[oa]|specialist|especialista)\b`,
      String.raw`\b(coordinator|co ordinator|coordinador(a)?|coordinat(eur|rice)|assistant(e)?|assistent(in)?|asistente|auxiliar)\b`,
      String.raw`\b\w*technolog(ist|e|in)\b|\btecnolog[oa]\b|\bplanner\b|\bplanificador(a)?\b|\bplanificat(eur|rice)\b|\w*planer(in)?\b|\bscheduler\b`,
      String.raw`\b(accountant|bookkeeper|clerk|representative|rep|associate|officer|executive|administrator|admin|administrativ[oa])\b`,
      String.raw`\b(technician|technicien(ne)?|techniker(in)?|scientist|consultant|agent|operator|operative|baker|cook|driver)\b`,
      String.raw`\b(worker|intern|trainee|apprentice|receptionist|secretary|developer|designer|auditor|merchandiser)\b`,
      String.raw`\bflavou?rist\b|\b\w*ologist\b|\bparalegal\b|\bcounsel\b|\bjuriste\b|\bjustiziar\w*|\babogad[oa]\b`,
      String.raw`\bcomptable\b|\bcontable\b|\bcontroleur\b|\bacheteu(r|se)\b|\bapprovisionneu(r|se)\b|\w*einkae?ufer(in)?\b`,
      String.raw`\w*buchhalter(in)?\b|\bsachbearbeiter(in)?\b|\bmitarbeiter(in)?\b|\breferent(in)?\b|\bdisponent(in)?\b`,
      String.raw`\w*entwickler(in)?\b|\bkauf(mann|frau)\b|\bchargee?\b|\bgestionnaire\b|\bcomprador(a)?\b|^tecnic[oa]\b`,
      String.raw`\b(development|commis|junior) chef\b`,
    ],
  ],
];

/** Function words: a title takes every function any of its words shows, and 'other' when none does. */
export const FUNCTION_WORDS: ReadonlyArray<readonly [Exclude<TitleFunction, 'other'>, readonly string[]]> = [
  [
    'finance',
    [
      String.raw`\b(finance|financial|financier|financiere|financiero|financiera|finanzas|cfo|daf)\b|\bfinanz\w*`,
      String.raw`\b(accounts|accounting|accountant|bookkeeper|controller|controlling|controleur|treasury|treasurer)\b`,
      String.raw`\btresorerie\b|\btesorer\w*|\w*buchhalt\w*|\brechnungswesen\b|\bcomptab\w*|\bcontab\w*|\bcontable\b`,
      String.raw`\b(credit|payroll|billing|tax|audit|auditor)\b|\binvoic\w*|\bsteuer\w*|\badministracion\b|\badministratif\b|\bkaufmannisch\w*`,
    ],
  ],
  [
    'procurement',
    [
      String.raw`\b(procurement|purchasing|purchase|purchaser|buyer|buying|sourcing|category|cpo)\b`,
      String.raw`\beinkauf\w*|\w*einkae?ufer\w*|\bbeschaffung\w*|\bachats?\b|\bacheteu(r|se)\b|\bapprovisionne\w*`,
      String.raw`\bcompras?\b|\bcomprador(a)?\b|\baprovisionamiento\b`,
    ],
  ],
  [
    'operations',
    [
      String.raw`\b(operations?|operational|operating|ops|coo|operator|operative)\b|\bexploitation\b|\boperaciones\b`,
      String.raw`\b(production|produccion|plant|planta|factory|fabrica|usine|manufacturing|fabrication)\b|\bproduktion\w*|\bwerk\w*|\bbetrieb\w*`,
      String.raw`\b(logistics?|logistique|logistica|warehouse|almacen|entrepot|depot|distribution|forklift|driver|machine)\b|\blogistik\w*|\blager\w*`,
      String.raw`\bsupply chain\b|\b(planning|planner|planung|scheduler|disposition|shift|site|facility|facilities)\b|\w*planer(in)?\b|\bplanificad\w*|\bplanificat\w*|\bdisponent\w*|\bschicht\w*`,
      String.raw`\b(maintenance|instandhaltung|mantenimiento)\b`,
      String.raw`\b(kitchen|cuisine|cocina|cook|baker|bakery|pastry|patissier|store|shop|restaurant|outlet|fnb|catering)\b|\bfood (and )?beverage\b`,
      String.raw`(?<!development )\bchef\b(?! de (?!cuisine))|\bkuchen\w*|\bchefkoch\b|\bboulanger\w*|\bpanader\w*|\w*backer\w*|\bkonditor\w*`,
    ],
  ],
  [
    'technical',
    [
      String.raw`\b(rnd|research|recherche|investigacion|development|developpement|desarrollo|developer|npd|innovation)\b|\bforschung\w*|\bentwicklung\w*|\w*entwickler\w*`,
      String.raw`\b(engineering|engineer|technical|technology|technique|cto|cio|it|software)\b|\w*technolog\w*|\btecnolog\w*|\bingenieur\w*|\bingenier\w*|\btechnisch\w*|\btechnik\b|(?<!^)\btecnic[oa]\b`,
      String.raw`\b(quality|qa|qc|qs|qualite|calidad|hygiene|regulatory|sensory|formulation)\b|\bqualitat\w*|\bfood safety\b`,
      String.raw`\b(lab|laboratory|scientist|science|flavou?rist)\b|\blabor\w*|\bmicrobiolog\w*`,
    ],
  ],
  [
    'executive',
    [
      String.raw`\b(ceo|md|gm|pdg|dg)\b|\bchief executive\b|(?<!vice )\bpresident(e)?\b|\bchair(man|woman|person)?\b`,
      String.raw`\b(co ?)?owner\b|\b(co ?)?founder\b|\bfondat(eur|rice)\b|\b(socio )?fundador(a)?\b|\bproprietor\b|\bpropietari[oa]\b`,
      String.raw`\bmanaging (director|partner)\b|\bgeneral manager\b|\bgeschae?ftsfue?hr\w*|\bgeschae?ftsleit\w*|\binhaber(in)?\b|\bvorstandsvorsitz\w*|\bvorsitzende(r)?\b`,
      String.raw`\bdirect(eur|rice) general(e)?\b|\b(co)?gerant(e)?\b|\bdirector(a)? general\b|\bconsejer[oa] delegad[oa]\b|^gerente( general)?$`,
    ],
  ],
  [
    'sales',
    [
      String.raw`\b(sales|ventes?|ventas|commercial|commerciale|comercial|bizdev|export|cco|cro|revenue)\b|\bvertrieb\w*|\bverkauf\w*|\bvendedor\w*`,
      String.raw`\b(key )?account (manager|executive|director)\b|\bcustomer (service|success)\b|\bservice client\b|\bkundenservice\b|\batencion al cliente\b|\be ?commerce\b`,
    ],
  ],
  [
    'marketing',
    [
      String.raw`\bmarketing\w*|\b(brand|communications?|kommunikation|pr|digital|cmo|mercadotecnia)\b|\bpublic relations\b|\bsocial media\b`,
      String.raw`\bproduct manager\b|\bproduktmanager\w*|\bchef de produit\b|\bjefe de producto\b`,
    ],
  ],
  [
    'legal',
    [
      String.raw`\b(legal|counsel|lawyer|attorney|paralegal|juriste|juridique|juridico|syndikus|compliance|contracts?|clo)\b`,
      String.raw`\bjurist\w*|\bjustiziar\w*|\brecht\w*|\babogad[oa]\b`,
    ],
  ],
];
