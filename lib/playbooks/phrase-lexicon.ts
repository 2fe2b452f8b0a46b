import { SIGNAL_KINDS, type SignalKind } from '../model/playbook';

// The phrases that turn an email into signals, as data. Written for this project (B2B ingredient,
// food and packaging supply) in English, German, French and Spanish, and measured against the
// labelled sentences in tests/unit/playbooks/email-phrases.labelled.json.
//
// Patterns run on normalized text: lower case, accents stripped (é → e, ü → u), ß → ss, curly
// apostrophes → '. So write "reclamacion", "verzoger", "uberprufen" without accents.

export type EmailSignalKind = Extract<
  SignalKind,
  'email-competitor' | 'email-price' | 'email-delay' | 'email-reviewing-suppliers' | 'email-complaint' | 'email-order-change'
>;
export const EMAIL_SIGNAL_KINDS = SIGNAL_KINDS.filter((kind): kind is EmailSignalKind => kind.startsWith('email-'));
export type PhraseLanguage = 'en' | 'de' | 'fr' | 'es';

export interface PhrasePattern {
  kind: EmailSignalKind;
  lang: PhraseLanguage;
  /** 0..1: how strongly the phrase alone points to the signal. */
  strength: number;
  re: RegExp;
  /** The phrase carries its own negation ("not happy", "haven't received"): skip the negation check. */
  selfNegating?: boolean;
  /**
   * A competitor's name may follow the phrase ("an offer from Givaudan"): the reason then quotes it. 'required':
   * the phrase counts only with a name ("une offre de Givaudan", not "une offre de 10 %").
   */
  name?: 'optional' | 'required';
}

type Entry = [kind: EmailSignalKind, strength: number, source: string, options?: { selfNegating?: boolean; name?: 'optional' | 'required' }];

const LEXICON: Record<PhraseLanguage, Entry[]> = {
  en: [
    ['email-competitor', 0.8, String.raw`\b(?:an?other|alternative|new|second|local|different) (?:suppliers?|vendors?|sources?|manufacturers?)\b`],
    ['email-competitor', 0.7, String.raw`\bother (?:suppliers|vendors|sources)\b`],
    ['email-competitor', 0.8, String.raw`(?<!\bour )\bcompetitors?\b|\bcompetitive (?:offer|quote|bid)s?\b`],
    ['email-competitor', 0.85, String.raw`\b(?:an? |the |their )?(?:offer|quote|quotation|proposal|bid)s? from\b(?! (?:you|your|yours|us)\b)`, { name: 'optional' }],
    ['email-competitor', 0.75, String.raw`\b(?:an? )?(?:cheaper|lower|better|more competitive) (?:offer|quote|quotation|bid)s?\b`],
    ['email-competitor', 0.7, String.raw`(?<!\byou (?:have |had )?)\b(?:sent|made|given|offered) us (?:an?|their) (?:[\w']+ )?(?:offer|quote|quotation|proposal|deal|price|terms)\b`],
    ['email-competitor', 0.75, String.raw`\bcame in (?:[\w%']+ ){0,3}(?:under|below|cheaper|lower)\b`],
    ['email-competitor', 0.85, String.raw`\bswitch(?:ed|ing)? (?:[\w']+ ){0,3}to (?:another|a different|a new|an alternative)\b`],
    ['email-price', 0.7, String.raw`\b(?:cheaper|less expensive|lower price|better price|best price|price reduction|price cut|discount)s?\b`],
    ['email-price', 0.75, String.raw`\b(?:prices?|costs?|quotes?|rates?) (?:[\w']+ ){0,3}(?:too|very|much) (?:high|expensive)\b|\btoo expensive\b`],
    ['email-price', 0.75, String.raw`\bprice (?:increase|rise|hike|pressure|adjustment)s?\b|\b(?:increase|rise|hike)s? in (?:the |your )?prices?\b`],
    ['email-price', 0.6, String.raw`\bmargins? (?:are |is )?(?:under pressure|squeezed)\b|\bcost pressure\b|\bbudget (?:cuts?|constraints?|is tight)\b`],
    ['email-price', 0.65, String.raw`\b(?:do|move|work|negotiate|improve|sharpen) (?:[\w']+ ){0,3}(?:on )?(?:the |your )?price\b|\bprices? (?:[\w']+ ){0,3}(?:come|go) down\b`],
    ['email-price', 0.6, String.raw`\bbenchmark (?:[\w']+ ){0,2}prices?\b`],
    ['email-price', 0.8, String.raw`\b(?:below|under) (?:you|your (?:price|quote|offer)s?)\b|\bbetter (?:deal|terms)\b`],
    ['email-price', 0.6, String.raw`\b(?:hard|difficult|impossible) to justify\b`],
    ['email-delay', 0.75, String.raw`\bdelay(?:ed|s)?\b`],
    ['email-delay', 0.75, String.raw`\b(?:late|overdue) (?:delivery|deliveries|shipment|order|truck)\b|\b(?:delivery|shipment|order|truck|pallets?) (?:[\w']+ ){0,4}(?:late|overdue|behind schedule)\b`],
    ['email-delay', 0.75, String.raw`\b(?:haven't|have not|hasn't|has not|didn't|did not)(?: yet)? (?:[\w']+ )?(?:received|arrived|got|come)\b`, { selfNegating: true }],
    ['email-delay', 0.6, String.raw`\bstill waiting\b|\bbackorder\w*|\bbehind schedule\b|\bpush(?:ed|ing)? back\b|\bpostpon\w*`],
    ['email-delay', 0.6, String.raw`\bwhere is (?:our|my|the) (?:order|delivery|shipment)\b`],
    ['email-delay', 0.75, String.raw`\bnever (?:showed up|turned up|arrived|came)\b|\b(?:hasn't|has not|didn't|did not) (?:show|turn) up\b|\bnot (?:yet )?(?:arrived|delivered)\b`, { selfNegating: true }],
    ['email-delay', 0.5, String.raw`\b(?:move|moving|reschedul\w*) (?:[\w']+ ){0,2}(?:delivery|deliveries|shipment)\b`],
    ['email-reviewing-suppliers', 0.85, String.raw`\breview(?:ing)? (?:[\w']+ ){0,2}(?:suppliers|vendors|supplier base|sourcing)\b|\b(?:supplier|vendor) (?:review|evaluation|selection|audit|consolidation)\b`],
    ['email-reviewing-suppliers', 0.8, String.raw`\btender\b|\brf[qp]s?\b|\brequest for (?:quotation|proposal)s?\b`],
    ['email-reviewing-suppliers', 0.75, String.raw`\b(?:looking at|evaluating|considering|exploring|assessing) (?:[\w']+ ){0,2}(?:alternatives|alternative suppliers|other suppliers|other options|other sources)\b`],
    ['email-reviewing-suppliers', 0.8, String.raw`\b(?:re-?evaluat|reassess)\w* (?:[\w']+ ){0,2}(?:suppliers|sourcing|supply)\b`],
    ['email-reviewing-suppliers', 0.7, String.raw`\b(?:get|getting|collect|collecting|request|requesting|ask for|asking for) (?:[\w']+ ){0,2}(?:quotes|offers|bids|proposals)\b|\bquotes from (?:several|other|multiple|different) suppliers\b`],
    ['email-complaint', 0.85, String.raw`\bcomplain\w*|\bcomplaints?\b`],
    ['email-complaint', 0.8, String.raw`\bnot (?:at all )?(?:happy|satisfied|pleased|acceptable)\b`, { selfNegating: true }],
    ['email-complaint', 0.8, String.raw`\b(?:unhappy|dissatisfied|disappointed|disappointing|frustrated|frustrating|upset|unacceptable)\b`],
    ['email-complaint', 0.75, String.raw`\bquality (?:issue|problem|complaint|defect)s?\b|\b(?:damaged|defective|contaminated|mislabell?ed|leaking|spoiled)\b|\bwrong (?:product|labels?|batch|item|quantity|spec)\b`],
    ['email-complaint', 0.6, String.raw`\b(?:problem|issue)s? with (?:the|your|our|this|last|lot|batch)\b`],
    ['email-complaint', 0.7, String.raw`\b(?:off-?spec|out of spec)\b|\bcolou?r was off\b|\btaste[sd]? (?:off|wrong)\b`],
    ['email-order-change', 0.8, String.raw`\b(?:change|modify|amend|adjust|update|revise|alter)\w* (?:[\w']+ ){0,2}(?:order|po|purchase order|quantit(?:y|ies)|delivery schedule)\b`],
    ['email-order-change', 0.8, String.raw`\b(?:reduce|increase|lower|raise|cut|double|halve)\w* (?:[\w']+ ){0,3}(?:order|quantit(?:y|ies)|volumes?|po)\b`],
    ['email-order-change', 0.85, String.raw`\bcancel\w* (?:[\w']+ ){0,3}(?:order|delivery|shipment|po)\b`],
    ['email-order-change', 0.75, String.raw`\b(?:move|moving|bring forward|bump|reschedul\w*) (?:[\w']+ ){0,3}(?:order|delivery|shipment)\b`],
    ['email-order-change', 0.7, String.raw`\b(?:hold|pause) (?:the|our|this) order\b|\border change\b|\bsplit (?:the )?(?:order|delivery)\b`],
  ],
  de: [
    ['email-competitor', 0.8, String.raw`\b(?:andere[mnrs]?|alternative[mnrs]?|neue[mnrs]?|gunstigere[mnrs]?) (?:lieferant|anbieter|hersteller|bezugsquelle)\w*`],
    ['email-competitor', 0.8, String.raw`(?<!\bunsere[nmr]? )\b(?:wettbewerb(?:er|ern|s)?|konkurrenz|konkurrent(?:en)?|mitbewerber\w*)\b`],
    ['email-competitor', 0.85, String.raw`\bangebot(?:e)? (?:von|vom)\b(?! ihnen| euch| dir)`, { name: 'optional' }],
    ['email-competitor', 0.75, String.raw`\b(?:ein )?(?:gunstigeres|billigeres|besseres) angebot\b`],
    ['email-competitor', 0.7, String.raw`\bhat uns (?:ein|ihr) (?:[\w']+ )?angebot\b|\bbiete[nt] uns (?:[\w']+ ){0,3}(?:gunstiger|billiger|besser)\w*`],
    ['email-price', 0.7, String.raw`\b(?:gunstiger\w*|billiger\w*|preisnachlass\w*|rabatt\w*|preissenkung\w*|besseren? preis\w*)`],
    ['email-price', 0.75, String.raw`\bpreise? (?:[\w']+ ){0,6}zu hoch\b|\bzu teuer\b`],
    ['email-price', 0.75, String.raw`\bpreiserhohung\w*|\bpreisanpassung\w*|\bpreisdruck\b|\bkostendruck\b`],
    ['email-price', 0.65, String.raw`\bbeim preis (?:[\w']+ ){0,2}entgegen\w*|\bpreis muss (?:[\w']+ )?(?:runter|sinken)\b|\bbudget (?:wurde )?gekurzt\b|\bbudgetkurzung\w*`],
    ['email-price', 0.8, String.raw`\bunter ihre[mn] (?:preis(?:en)?|angebot)\b`],
    ['email-price', 0.6, String.raw`\b(?:schwer|kaum|nicht) (?:zu )?(?:vertretbar|rechtfertigen|vermitteln)\b`, { selfNegating: true }],
    ['email-delay', 0.75, String.raw`\bverzoger\w*|\bverspat\w*|\blieferverzug\w*|\blieferruckstand\w*|\bim verzug\b`],
    ['email-delay', 0.75, String.raw`\bnoch nicht (?:[\w']+ )?(?:erhalten|bekommen|angekommen|geliefert|eingetroffen)\b`, { selfNegating: true }],
    ['email-delay', 0.6, String.raw`\bwarten (?:[\w']+ ){0,2}noch\b|\bverschieben\b|\bverschoben\b`],
    ['email-delay', 0.7, String.raw`\b(?:bis heute|immer noch|noch immer) (?:nicht|keine)\b|\bnoch nicht da\b`, { selfNegating: true }],
    ['email-reviewing-suppliers', 0.85, String.raw`\b(?:uberprufen|prufen|bewerten|evaluieren|uberdenken)\w* (?:[\w']+ ){0,4}lieferanten\b|\blieferanten\w* (?:[\w']+ ){0,2}(?:uberprufen|prufen|bewerten|uberdenken)\b`],
    ['email-reviewing-suppliers', 0.8, String.raw`\blieferantenbewertung\w*|\blieferantenauswahl\w*|\blieferantenaudit\w*|\blieferantenwechsel\w*|\bausschreibung\w*|\bvergleichsangebot\w*|\bangebote (?:[\w']+ ){0,3}einholen\b`],
    ['email-reviewing-suppliers', 0.75, String.raw`\b(?:umschauen|umsehen|suchen|schauen|sehen)\w* (?:[\w']+ ){0,4}(?:alternativ\w*|andere[nmr]? (?:lieferanten|anbieter))`],
    ['email-complaint', 0.85, String.raw`\breklamation\w*|\bbeschwerde\w*|\bbeanstandung\w*|\bmangelhaft\w*|\bfehlerhaft\w*`],
    ['email-complaint', 0.8, String.raw`\b(?:unzufrieden|enttauscht|verargert|inakzeptabel|unakzeptabel)\b`],
    ['email-complaint', 0.8, String.raw`\bnicht (?:[\w']+ )?(?:zufrieden|akzeptabel)\b`, { selfNegating: true }],
    ['email-complaint', 0.75, String.raw`\bqualitatsproblem\w*|\bqualitatsmangel\w*|\bbeschadigt\w*|\bdefekt\w*|\bverunreinigt\w*|\bfalsch(?:e|en)? (?:etikett|ware|produkt|charge|menge)\w*`],
    ['email-complaint', 0.6, String.raw`\bprobleme? mit\b`],
    ['email-order-change', 0.8, String.raw`\bbestellung\w* (?:[\w']+ ){0,4}(?:andern|anpassen|reduzieren|erhohen|stornieren|korrigieren)\b|\b(?:andern|anpassen|reduzieren|erhohen|senken)\w* (?:[\w']+ ){0,3}(?:bestellung|auftrag|bestellmenge|liefermenge)\w*`],
    ['email-order-change', 0.8, String.raw`\b(?:menge|bestellmenge|liefermenge)\w* (?:[\w']+ ){0,5}(?:reduzieren|erhohen|andern|anpassen|senken)\b|\b(?:liefertermin|lieferung|bestellung)\w* (?:[\w'.]+ ){0,5}verschieb\w*`],
    ['email-order-change', 0.85, String.raw`\bstornier\w*`],
  ],
  fr: [
    ['email-competitor', 0.8, String.raw`\b(?:autres?|nouveaux?|nouvel) fournisseurs?\b|\bfournisseurs? (?:alternatifs?|concurrents?)\b`],
    ['email-competitor', 0.8, String.raw`(?<!\bnos )(?<!\bnotre )\b(?:concurrents?|(?<!\ben )concurrence)\b`],
    ['email-competitor', 0.85, String.raw`\b(?:une |un )?(?:offre|devis|proposition)s? (?:(?:de|du|chez) |d')`, { name: 'required' }],
    ['email-competitor', 0.75, String.raw`\b(?:une |un )?(?:offre|devis|proposition) (?:moins cher|plus bas|plus interessant|plus competitif)\w*`],
    ['email-competitor', 0.7, String.raw`\bnous a (?:fait|envoye|propose|transmis) (?:une|un|leur) (?:[\w']+ )?(?:offre|devis|proposition)\b|\bnous propose\w* (?:[\w']+ ){0,4}(?:moins cher|meilleur prix)\w*`],
    ['email-price', 0.7, String.raw`\bmoins cher\w*|\bmeilleur prix\b|\bremise\b|\brabais\b|\bbaisse de prix\b|\bbaisser (?:le|vos|les|votre) prix\b|\breduction de prix\b|\bgeste (?:commercial )?sur (?:le|les|vos) prix\b`],
    ['email-price', 0.75, String.raw`\bprix (?:[\w']+ ){0,3}trop (?:eleves?|hauts?|chers?)\b|\btrop cher\w*`],
    ['email-price', 0.75, String.raw`\b(?:hausse|augmentation) (?:de|des) (?:vos )?(?:prix|tarifs)\b|\bpression sur les prix\b`],
    ['email-price', 0.6, String.raw`\bdifficiles? a justifier\b`],
    ['email-price', 0.7, String.raw`\ben dessous de (?:votre|vos) (?:prix|offre|tarifs?)\b|\bbudget (?:a ete )?(?:reduit|coupe)\b`],
    ['email-delay', 0.75, String.raw`\bretard\w*`],
    ['email-delay', 0.75, String.raw`\b(?:n'avons|n'ai|n'a|n'ont|n'est) (?:toujours |encore |jamais )?pas (?:encore )?(?:recu|arrive|livre)\w*|\btoujours pas (?:recu|arrive|livre)\w*`, { selfNegating: true }],
    ['email-delay', 0.6, String.raw`\breporter\b|\breportee?s?\b|\bdecaler\b|\btoujours en attente\b|\ben attente de (?:la )?livraison\b`],
    ['email-reviewing-suppliers', 0.85, String.raw`\b(?:revoi|revoy|revis|evalu|reevalu|etudi|audit|compar|consult|demand)\w* (?:[\w']+ ){0,4}fournisseurs?\b`],
    ['email-reviewing-suppliers', 0.8, String.raw`\bappels? d'offres?\b|\breferencement\b|\bmise en concurrence\b|\b(?:evaluation|selection) (?:des|de nos) fournisseurs\b`],
    ['email-complaint', 0.85, String.raw`\breclamation\w*|\bplaintes?\b|\bse plaindre\b|\bmecontent\w*|\bdecu(?:e|s|es)?\b|\binacceptable\b`],
    ['email-complaint', 0.8, String.raw`\bpas (?:du tout |tres |vraiment )?satisf\w*`, { selfNegating: true }],
    ['email-complaint', 0.75, String.raw`\bendommag\w*|\babime\w*|\bdefectueu\w*|\bnon conformes?\b|\bprobleme de qualite\b|\bmauvais(?:e)? (?:produit|etiquette|lot|quantite)\b`],
    ['email-complaint', 0.6, String.raw`\bproblemes? (?:avec|sur)\b`],
    ['email-order-change', 0.8, String.raw`\b(?:modifi|chang|ajust|redui|diminu|augment|annul|decal|report)\w* (?:[\w']+ ){0,4}(?:commandes?|quantites?|volumes?|livraisons?)\b`],
  ],
  es: [
    ['email-competitor', 0.8, String.raw`\b(?:otros?|otras?|nuevos?|alternativos?) proveedor(?:es)?\b|\bproveedor(?:es)? (?:alternativos?|nuevos?)\b`],
    ['email-competitor', 0.8, String.raw`(?<!\bnuestra )(?<!\bnuestros )\b(?:competencia|competidor(?:es)?)\b`],
    ['email-competitor', 0.85, String.raw`\b(?:una |un )?(?:oferta|cotizacion|presupuesto|propuesta)s? (?:de|del) `, { name: 'required' }],
    ['email-competitor', 0.75, String.raw`\b(?:una |un )?(?:oferta|cotizacion|presupuesto) (?:mas barat[oa]|mas baj[oa]|mejor|mas competitiv[oa])\b`],
    ['email-competitor', 0.7, String.raw`\bnos (?:ha|han) (?:hecho|enviado|ofrecido|mandado) (?:una|un|su) (?:[\w']+ )?(?:oferta|cotizacion|presupuesto|propuesta)\b|\bnos ofrece\w* (?:[\w']+ ){0,4}(?:mas barat|mejor precio)\w*`],
    ['email-price', 0.7, String.raw`\bmas barat[oa]s?\b|\bmejor precio\b|\bmejorar (?:el|su|sus|los) precios?\b|\bdescuento\w*|\brebaja\w*|\bbajar (?:el|su|sus|los) precios?\b|\bprecio tiene que bajar\b|\breduccion de precio\w*`],
    ['email-price', 0.75, String.raw`\bprecios? (?:[\w']+ ){0,3}demasiado (?:altos?|elevados?|caros?)\b|\bdemasiado caros?\b`],
    ['email-price', 0.75, String.raw`\b(?:subida|aumento|incremento) (?:de|del|en (?:los|el)) precios?\b`],
    ['email-price', 0.6, String.raw`\bdificiles? de justificar\b`],
    ['email-price', 0.65, String.raw`\bpor debajo de su (?:precio|oferta)\b|\brecortado (?:el )?presupuesto\b|\bpresupuesto (?:recortado|reducido)\b|\bmargenes? (?:estan )?bajo presion\b`],
    ['email-delay', 0.75, String.raw`\bretras\w*|\bdemoras?\b|\bdemorad\w*|\batrasad\w*|\bcon atraso\b`],
    ['email-delay', 0.75, String.raw`\b(?:todavia|aun) no (?:[\w']+ ){0,2}(?:recibido|llegado|entregado)\b|\bno (?:hemos|han|ha) (?:[\w']+ )?(?:recibido|llegado)\b`, { selfNegating: true }],
    ['email-delay', 0.6, String.raw`\baplaz\w*|\bpospon\w*|\bseguimos esperando\b|\btodavia esperando\b`],
    ['email-delay', 0.75, String.raw`\bsiguen? sin (?:llegar|recibir|entregar)\w*`, { selfNegating: true }],
    ['email-delay', 0.5, String.raw`\bmover (?:la|el) (?:entrega|envio|pedido)\b`],
    ['email-reviewing-suppliers', 0.85, String.raw`\b(?:revis|evalu|reevalu|analiz|compar|audit|pedi(?:r|mos|remos))\w* (?:[\w']+ ){0,3}proveedor(?:es)?\b`],
    ['email-reviewing-suppliers', 0.8, String.raw`\blicitacion\w*|\bconcurso\b|\bsolicitud de (?:cotizacion|oferta)\w*|\b(?:homologacion|seleccion) de proveedores\b`],
    ['email-reviewing-suppliers', 0.75, String.raw`\bbuscando (?:[\w']+ ){0,2}(?:alternativas|otros proveedores|otras opciones)\b`],
    ['email-complaint', 0.85, String.raw`\breclamacion\w*|\bquejas?\b|\bquejar\w*|\binsatisfech\w*|\bdecepcionad\w*|\binaceptable\b`],
    ['email-complaint', 0.8, String.raw`\bno (?:estamos|estoy|esta|estan) (?:nada |muy )?(?:satisfech|content)\w*`, { selfNegating: true }],
    ['email-complaint', 0.75, String.raw`\bdanad[oa]s?\b|\bdefectuos\w*|\bproblemas? de calidad\b|\bproducto equivocado\b|\betiquetas? (?:equivocada|incorrecta)s?\b`],
    ['email-complaint', 0.6, String.raw`\bproblemas? con\b`],
    ['email-order-change', 0.8, String.raw`\b(?:modific|cambi|ajust|reduc|reduz|disminu|aument|cancel|anul|aplaz|pospon|mover|movamos)\w* (?:[\w']+ ){0,4}(?:pedidos?|cantidad(?:es)?|volumen(?:es)?|entregas?|orden(?:es)?)\b`],
  ],
};

export const PHRASE_PATTERNS: readonly PhrasePattern[] = (Object.keys(LEXICON) as PhraseLanguage[]).flatMap((lang) =>
  LEXICON[lang].map(([kind, strength, source, options]) => ({ kind, lang, strength, re: new RegExp(source, 'g'), ...options })),
);

/**
 * Words that negate a phrase when they stand just before it ("no complaints", "keine Verzögerung",
 * "aucun retard", "sin demora"), in any of the four languages; English "n't" forms are handled apart.
 */
export const NEGATORS = new Set([
  'no', 'not', 'never', 'zero', 'without', 'none', 'nothing', 'nor', 'neither', 'cannot',
  'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nicht', 'nie', 'niemals', 'ohne', 'nichts', 'weder',
  'pas', 'aucun', 'aucune', 'sans', 'jamais', 'ni', 'rien', 'ne',
  'sin', 'ningun', 'ninguna', 'ninguno', 'nunca', 'nada', 'tampoco',
]);

/** Words that start a new clause: a negation before them does not reach past them. */
export const CLAUSE_BREAKS = new Set(['but', 'however', 'although', 'aber', 'jedoch', 'sondern', 'mais', 'cependant', 'pero', 'sino', 'aunque']);

// ---------------------------------------------------------------------------------------------------
// Compositional patterns. The phrase list above knows exact wordings; buyers write the same things in
// endless variants ("another vendor is offering…", "Ein anderer Anbieter liefert uns … günstiger").
// So the second layer names word classes ("concepts": a supplier noun, a price noun, a delivery noun, a
// request) in all four languages at once, and a rule fires when its concepts occur together within a few
// words of one clause. Vocabulary written for this project from everyday B2B purchasing language (no
// external list); tuned on email-phrases.labelled/heldout/fresh.json, never on email-phrases.blind.json.
// Same normalization as above: lower case, no accents, ß → ss.

export const CONCEPTS = {
  supplier: String.raw`suppliers?|vendors?|manufacturers?|producers?|providers?|distributors?|sources?|packers?|lieferant\w*|anbieter\w*|hersteller\w*|zulieferer\w*|bezugsquellen?|produzent\w*|quellen?|fournisseurs?|fabricants?|producteurs?|prestataires?|proveedor\w*|fabricantes?|productor\w*|distribuidor\w*|fuentes?`,
  other: String.raw`another|other|alternatives?|new|second|different|local|regional|backup|additional|andere[mnrs]?|alternative[mnrs]?|neue[mnrs]?|zweite[mnrs]?|weitere[mnrs]?|regionale[mnrs]?|lokale[mnrs]?|autres?|alternati(?:f|fs|ve|ves)|nouve(?:au|aux|l|lle|lles)|seconde?s?|deuxieme|regionale?s?|locale?s?|otr[oa]s?|alternativ[oa]s?|nuev[oa]s?|segund[oa]s?|distint[oa]s?|regionales|locales`,
  elsewhere: String.raw`elsewhere|somewhere else|woanders|anderswo|anderweitig|ailleurs|en otr[oa] (?:sitio|lado|lugar|parte)`,
  offer: String.raw`offers?|quotes?|quotations?|proposals?|bids?|deals?|angebot\w*|offerten?|offres?|devis|propositions?|ofertas?|cotizacion\w*|presupuestos?|propuestas?`,
  offersPlural: String.raw`quotes|offers|bids|proposals|quotations|angebote|offerten|offres|devis|propositions|ofertas|cotizaciones|presupuestos|propuestas`,
  // "rechnung", "preis…", "factura" but not "Rechnungsanschrift", "Preisliste", "facturation".
  price: String.raw`prices?|pricing|rates?|costs?|tariffs?|invoices?|preis(?:e|es|en|lich|liche[mnrs]?|gestaltung|niveau)?|kosten|konditionen|tarif(?:e|s)?|rechnung(?:en)?|prix|couts?|factures?|precios?|tarifas?|costes?|costos?|facturas?`,
  priceMove: String.raw`flexib\w*|room|wiggle|sharpen\w*|negotiat\w*|renegotiat\w*|come down|improve|reduce|reduction|discount\w*|entgegen\w*|nachlass\w*|nachverhandl\w*|verhandl\w*|spielraum|senken|senkung|reduzier\w*|nachbesser\w*|effort|geste|negoci\w*|baisser|baisse|revoir|ameliorer|reduire|margen|mejorar|rebajar|bajar|negociar|esfuerzo|flexibilidad|revisar|reducir`,
  priceUp: String.raw`increase[sd]?|rise|rising|rose|hikes?|higher|went up|gone up|erhoh\w*|steiger\w*|gestiegen|hoher|teurer|hausse|augment\w*|plus eleve\w*|plus cher\w*|subida|aumento|incremento|subir|subido|mas alt[oa]s?|mas car[oa]s?`,
  tooHigh: String.raw`too high|too expensive|too much|excessive|overpriced|zu hoch|zu teuer|uberhoht|trop (?:eleve|cher|haut)\w*|demasiado (?:alt|car|elevad)\w*|excesiv\w*`,
  notViable: String.raw`(?:no longer|not|un) ?(?:\w+ )?(?:competitive|viable|sustainable|workable|justifiable|affordable)|uncompetitive|unaffordable|nicht (?:mehr )?(?:\w+ )?(?:tragbar|wettbewerbsfahig|konkurrenzfahig|vertretbar|marktgerecht|darstellbar|finanzierbar)|untragbar|(?:ne |n')(?:\w+ ){0,2}(?:plus|pas) (?:\w+ )?(?:competiti|tenable|viable|supportable|abordable)\w*|(?:ya no|no) (?:\w+ ){0,2}(?:competitiv|viable|asumible|sostenible)\w*`,
  cheaper: String.raw`cheaper|cheapest|less expensive|more competitive|undercut\w*|gunstiger\w*|billiger\w*|preiswerter\w*|moins cher\w*|plus competiti\w*|mas barat[oa]s?|mas economic[oa]s?|mas competitiv[oa]s?`,
  less: String.raw`less|lower|below|under|weniger|niedriger\w*|unter|unterhalb|moins|plus bas\w*|inferieur\w*|en dessous|menos|mas baj[oa]s?|inferior\w*|por debajo`,
  better: String.raw`better|best|improved|more favou?rable|bessere[mnrs]?|besten?|gunstigere[mnrs]?|meilleur\w*|plus favorable\w*|mejor(?:es)?|mas favorable\w*`,
  terms: String.raw`terms|conditions|deal|konditionen|bedingungen|zahlungsbedingungen|condiciones`,
  // Someone else offering us something; "you offered us" is excluded where the rule is evaluated.
  offersUs: String.raw`(?:offer(?:s|ed|ing)?|quot(?:es|ed|ing)|gave|given|sent|made|giving) us|came in|(?:hat|haben|hatte|hatten|bietet|bieten|liefert|liefern|macht|machen) uns|nous (?:a|ont|avait|avaient|propose\w*|offre\w*|fait|font)|nos (?:ha|han|habia|ofrece\w*|da|dan|hace\w*|pasa\w*|propone\w*)`,
  approached: String.raw`approached (?:us )?by|reached out|contacted us|(?:hat|haben) uns kontaktiert|auf uns zugekommen|nous (?:a|ont) (?:contacte|approche|sollicite)\w*|se (?:ha|han) puesto en contacto|nos (?:ha|han) contactado`,
  secondPerson: String.raw`you|sie|vous|usted|ustedes`,
  // Reviewing suppliers.
  tender: String.raw`tender\w*|rf[qpix]s?|request for (?:quotation|proposal|information)s?|sourcing (?:exercise|event|project|round|process|review)|ausschreib\w*|schreiben (?:[\w-]+ ){1,6}(?:neu )?aus(?= ?[.!?,;]|$)|vergabeverfahren|appels? d'offres?|(?:lanc|ouvr|organis)\w* (?:une |la )?consultation|consultation (?:des |de )?fournisseurs|(?:mise|remise|mettre|remettre) en concurrence|licit\w*|(?:sacar|convocar) (?:a |un )?concurso|concurso de proveedores`,
  reviewVerb: String.raw`review\w*|evaluat\w*|re-?evaluat\w*|assess\w*|reassess\w*|benchmark\w*|compar\w*|audit\w*|qualif\w*|vetting|screen\w*|shortlist\w*|look(?:ing)? (?:at|for|into)|search\w*|seek\w*|scout\w*|pruf\w*|uberpruf\w*|bewert\w*|vergleich\w*|evaluier\w*|suche[n]?|umseh\w*|umschau\w*|qualifizier\w*|auditier\w*|sondier\w*|revoi\w*|revoy\w*|revis\w*|evalu\w*|reevalu\w*|cherch\w*|etudi\w*|consult\w*|referenc\w*|sonder\w*|busc\w*|analiz\w*|homolog\w*|cualific\w*|estudi\w*|sonde\w*`,
  gather: String.raw`get(?:ting)?|collect\w*|gather\w*|request\w*|ask(?:ing)? for|obtain\w*|einhol\w*|holen|anforder\w*|anfrage\w*|angefragt|demander|demandons|recueilli\w*|solicit\w*|pedir|pedimos|pediremos|obtener`,
  consider: String.raw`consider\w*|thinking (?:about|of)|think about|weigh\w*|uberleg\w*|erwag\w*|nachdenk\w*|envisag\w*|reflechi\w*|pensando|planteando|valorando|estudiando`,
  switchTo: String.raw`switch\w*|move (?:\w+ ){0,2}to|moving to|wechsel\w*|umsteig\w*|umstell\w*|changer de (?:fournisseur|prestataire)|passer chez|cambiar de proveedor|cambiarnos|pasarnos`,
  // Delays.
  delayWord: String.raw`delay\w*|slipp\w*|held up|overdue|backorder\w*|postpon\w*|verzoger\w*|verspat\w*|lieferverzug|verzug|ruckstand\w*|retard\w*|repouss\w*|retras\w*|demora\w*|atras\w*|aplaz\w*|pospu\w*|pospon\w*`,
  lateWord: String.raw`late|later|stuck|blocked|spater\w*|erst|festgehalten|hangt (?:\w+ ){0,3}fest|festsitz\w*|blockiert|bloque\w*|glisse\w*|decale\w*|retenid[oa]s?|bloquead[oa]s?|parad[oa]s?|mas tarde`,
  delivery: String.raw`deliver\w*|shipments?|orders?|goods|trucks?|lorr(?:y|ies)|containers?|pallets?|consignments?|pick-?ups?|arrival|eta|parcels?|cargo|lieferung\w*|auslieferung\w*|sendung\w*|ware|lkw|abholung|palette\w*|fracht|bestellung\w*|livraison\w*|expedition\w*|marchandises?|camions?|conteneurs?|commandes?|enlevement\w*|colis|palettes?|entrega\w*|envios?|pedidos?|mercancias?|contenedor\w*|recogida\w*|palets?|carga`,
  reply: String.raw`repl(?:y|ies|ying)|response|respond\w*|answer\w*|getting back|get back|antwort\w*|ruckmeldung\w*|reponse\w*|repondre|respuesta\w*|contestar|responder`,
  waitWord: String.raw`wait\w*|warte\w*|attend\w*|esper\w*`,
  still: String.raw`still|noch|immer noch|toujours|encore|todavia|aun|seguimos|sigo|siguen`,
  stillNothing: String.raw`still (?:have |got |see )?(?:nothing|no sign|no news|no update)|(?:immer noch|noch immer) (?:nichts|keine)|toujours (?:rien|aucune? nouvelles?)|sans nouvelles?|sin noticias|(?:todavia|aun) nada|seguimos sin\w*|no news|no sign|keine spur|keine nachricht\w*`,
  expectedPast: String.raw`supposed to|was due|were due|should have|was expected|were expected|sollte\w*|hatte\w* (?:\w+ ){0,3}sollen|devai\w*|aurai\w* du|etai\w* prevu\w*|tenia\w* que|debia\w*|deberia\w* haber|estaba\w* previst\w*`,
  arrive: String.raw`arriv\w*|deliver\w*|ship\w*|come|land\w*|ankomm\w*|angekommen|eintreff\w*|eingetroffen|kommen|geliefert|liefern|livr\w*|llega\w*|llegar|entreg\w*|recib\w*`,
  arriveNot: String.raw`(?:won't|wont|will not|isn't going to|not going to|cannot|can't) (?:\w+ ){0,2}(?:arrive|make it|be delivered|be shipped|ship|reach)|n'arriver\w* (?:\w+ )?pas|ne sera (?:\w+ )?pas livre\w*|ne pourr\w* pas (?:etre )?livr\w*|no (?:\w+ )?llegar\w*|no (?:se )?(?:podra|va a) (?:\w+ )?(?:llegar|entregar)|kommt (?:\w+ ){0,3}nicht (?:vor|rechtzeitig|punktlich)|nicht (?:\w+ ){0,2}(?:ankommen|eintreffen)|not before`,
  // Complaints.
  damage: String.raw`crushed|torn|broken|holed|pierced|dented|leak\w*|mou?ldy|rotten|punctured|burst|melted|clumped|caked|soaked|eingedruckt|gerissen|kaputt|zerbrochen|undicht|ausgelaufen|verschimmelt|schimmel\w*|verklumpt|zerdruckt|aufgeplatzt|durchnasst|ecrase\w*|dechire\w*|casse[es]{0,2}|mouille\w*|moisi\w*|perce[es]{0,2}|troue[es]{0,2}|eclate\w*|aplastad\w*|rot[oa]s|rompid\w*|mojad\w*|abollad\w*|enmohecid\w*|perforad\w*|reventad\w*|derramad\w*`,
  wetWord: String.raw`wet|damp|nass|feucht|humide|humed[oa]s?`,
  sensory: String.raw`odou?rs?|smells?|tastes?|flavou?rs?|geruch|geschmack|odeurs?|gout|olor(?:es)?|sabor(?:es)?`,
  odd: String.raw`off|strange|odd|weird|bad|funny|abnormal|musty|rancid|anormal\w*|bizarre|etrange|desagreable|rance|raro|rara|extran[oa]|malo|komisch\w*|seltsam\w*|unangenehm\w*|muffig\w*|ranzig\w*`,
  offNote: String.raw`off-?(?:odou?r|flavou?r|taste|note)s?|fehlgeschmack\w*|fehlgeruch\w*|beigeschmack\w*|faux-gout\w*`,
  wrong: String.raw`wrong|incorrect|missing|faulty|falsch\w*|fehl(?:t|en|ten|ende[mnrs]?)|faux|fausses?|errone\w*|incorrect\w*|manqu\w*|equivocad\w*|incorrect[oa]s?|erroneo\w*|falta(?:n|ba|ban)?|(?:vienen|viene|llegan|llegaron|llego|estan|esta) mal`,
  item: String.raw`labels?|etikett\w*|etiquettes?|etiquetas?|certificates?|certificat\w*|zertifikat\w*|analysezertifikat\w*|certificados?|coas?|documents?|dokument\w*|papiere|documentos?|products?|produkt\w*|produits?|productos?|batch\w*|lots?|charge[n]?|lotes?|quantit\w*|menge[n]?|cantidad\w*|bags?|sacks?|cartons?|boxes|sacke|kartons?|sacs?|colis|sacos?|cajas?|drums?|pallets?|paletten?|palettes?|palets?|goods|ware|marchandises?|mercancias?`,
  reject: String.raw`reject\w*|refused|sent back|returned|zuruckgewiesen|zuruckgeschickt|retourniert|abgelehnt|refuse\w*|renvoye\w*|rechaz\w*|devuelto\w*`,
  notOk: String.raw`(?:not|isn't|aren't|wasn't) (?:\w+ ){0,2}(?:good enough|acceptable|ok|okay|up to (?:standard|spec|scratch))|nicht (?:\w+ ){0,2}(?:in ordnung|zufrieden|akzeptabel|glucklich|hinnehmbar)|(?:pas|plus) (?:\w+ ){0,2}(?:content\w*|satisf\w*|acceptable|admissible|normal)|(?:no|nada) (?:\w+ ){0,2}(?:content[oa]s?|satisfech\w*|aceptable|admisible|normal|puede seguir)`,
  // Order changes.
  orderNoun: String.raw`orders?|po|pos|purchase orders?|call-?offs?|releases?|quantit(?:y|ies)|volumes?|deliver\w*|drops?|shipments?|bestellung\w*|auftrag\w*|abruf\w*|menge[n]?|liefermenge\w*|bestellmenge\w*|\w*lieferung\w*|liefertermin\w*|commandes?|appels?|quantites?|livraisons?|expeditions?|pedidos?|orden(?:es)?|cantidad(?:es)?|volumen(?:es)?|entregas?|envios?`,
  orderChange: String.raw`cancel\w*|reduc\w*|increas\w*|decreas\w*|lower|rais(?:e|ing)|cut|doubl\w*|halv\w*|amend\w*|modif\w*|stornier\w*|streich\w*|gestrichen|reduzier\w*|erhoh\w*|senk\w*|kurz\w*|verringer\w*|aufstock\w*|verdoppel\w*|halbier\w*|andern|abander\w*|annul\w*|redui\w*|diminu\w*|augment\w*|anul\w*|reduz\w*|disminu\w*|aument\w*`,
  orderMove: String.raw`chang\w*|swap\w*|replac\w*|switch\w*|mov(?:e|ing)|bring forward|pull forward|push (?:back|out)|bump\w*|drop|add\w*|remove|split|hold|pause|reschedul\w*|postpon\w*|earlier|sooner|instead|rather than|anpass\w*|tausch\w*|ersetz\w*|verschieb\w*|vorzieh\w*|vorverleg\w*|aufteil\w*|hinzufug\w*|statt|anstatt|anstelle|fruher|remplac\w*|ajust\w*|avanc\w*|decal\w*|report\w*|ramen\w*|passer (?:la|cette|notre) commande|ajout\w*|retir\w*|scind\w*|au lieu|plus tot|cambi\w*|sustitu\w*|reemplaz\w*|adelant\w*|aplaz\w*|pospon\w*|mover|movamos|sub(?:ir|an|amos)|baj(?:ar|en|emos)|quit\w*|anad\w*|divid\w*|en (?:lugar|vez) de|antes`,
  request: String.raw`please|pls|kindly|can (?:we|you)|could (?:we|you)|would you|we need to|we have to|we must|we'?d like|we would like|bitte|konn?ten (?:wir|sie)|konnen (?:wir|sie)|wir mussen|wir mochten|wir wurden|ware es moglich|merci de|pouvez-vous|pourriez-vous|pouvons-nous|pourrions-nous|nous devons|nous souhait\w*|nous voudrions|serait-il possible|veuillez|por favor|pueden|podrian|podemos|podriamos|tenemos que|necesitamos|quisieramos|nos gustaria|seria posible|rogamos`,
} as const;

/** 'namedActor': a capitalised name doing something to us ("Döhler quoted us"), found in competitor.ts. */
export type ConceptName = keyof typeof CONCEPTS | 'namedActor';

export interface ConceptRule {
  kind: EmailSignalKind;
  strength: number;
  /** Every entry must occur (an array: any one of them), all within `window` words of each other in one clause. */
  all: Array<ConceptName | ConceptName[]>;
  window: number;
  /** A concept carries its own negation ("not good enough"): skip the negation check. */
  selfNegating?: boolean;
  /** A second-person pronoun right before the first concept ("you quoted us") means it is us, not a competitor. */
  notAfterYou?: boolean;
}

const rule = (kind: EmailSignalKind, strength: number, all: ConceptRule['all'], window: number, extra: Partial<ConceptRule> = {}): ConceptRule => ({
  kind,
  strength,
  all,
  window,
  ...extra,
});

/**
 * A find of this kind does not count when one of these concepts is within a few words of it in the same
 * clause, whichever layer found it: "sorry for the delay in getting back to you" is about the reply.
 */
export const SUPPRESSED_BY: Partial<Record<EmailSignalKind, { concepts: ConceptName[]; reach: number }>> = {
  'email-delay': { concepts: ['reply'], reach: 3 },
};

export const CONCEPT_RULES: readonly ConceptRule[] = [
  rule('email-competitor', 0.8, ['other', 'supplier'], 2),
  rule('email-competitor', 0.7, ['cheaper', 'elsewhere'], 5),
  rule('email-competitor', 0.7, ['offersUs', 'cheaper'], 7, { notAfterYou: true }),
  rule('email-competitor', 0.7, ['offersUs', 'less'], 7, { notAfterYou: true }),
  rule('email-competitor', 0.7, ['offersUs', 'better'], 5, { notAfterYou: true }),
  rule('email-competitor', 0.7, ['approached', 'offer'], 10),
  rule('email-competitor', 0.7, ['namedActor', ['offer', 'price', 'cheaper', 'less', 'better', 'terms']], 8),
  rule('email-price', 0.7, ['cheaper'], 0),
  rule('email-price', 0.7, ['offersUs', 'less'], 7, { notAfterYou: true }),
  rule('email-price', 0.7, ['price', 'less'], 3),
  rule('email-price', 0.65, ['price', 'priceMove'], 5),
  rule('email-price', 0.7, ['price', 'priceUp'], 4),
  rule('email-price', 0.75, ['price', 'tooHigh'], 6),
  rule('email-price', 0.75, ['price', 'notViable'], 6, { selfNegating: true }),
  rule('email-price', 0.65, ['better', 'terms'], 3),
  rule('email-price', 0.65, ['better', 'price'], 2),
  rule('email-delay', 0.7, ['delayWord'], 0),
  rule('email-delay', 0.65, ['lateWord', 'delivery'], 8),
  rule('email-delay', 0.6, ['waitWord', 'still'], 3),
  rule('email-delay', 0.65, ['stillNothing', 'delivery'], 10, { selfNegating: true }),
  rule('email-delay', 0.6, ['expectedPast', 'arrive'], 4),
  rule('email-delay', 0.7, ['arriveNot', 'delivery'], 10, { selfNegating: true }),
  rule('email-reviewing-suppliers', 0.8, ['tender'], 0),
  rule('email-reviewing-suppliers', 0.8, ['reviewVerb', 'supplier'], 4),
  rule('email-reviewing-suppliers', 0.7, ['gather', 'supplier'], 5),
  rule('email-reviewing-suppliers', 0.7, ['reviewVerb', 'offersPlural'], 4),
  rule('email-reviewing-suppliers', 0.7, ['gather', 'offersPlural'], 4),
  rule('email-reviewing-suppliers', 0.7, ['consider', 'switchTo'], 8),
  rule('email-complaint', 0.75, ['damage'], 0),
  rule('email-complaint', 0.7, ['wetWord', 'item'], 8),
  rule('email-complaint', 0.7, ['offNote'], 0),
  rule('email-complaint', 0.7, ['sensory', 'odd'], 3),
  rule('email-complaint', 0.7, ['wrong', 'item'], 5),
  rule('email-complaint', 0.65, ['reject', 'item'], 8),
  rule('email-complaint', 0.75, ['notOk'], 0, { selfNegating: true }),
  rule('email-order-change', 0.75, ['orderChange', 'orderNoun'], 7),
  rule('email-order-change', 0.7, ['request', 'orderMove', 'orderNoun'], 16),
];
