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
    ['email-competitor', 0.8, String.raw`(?<!\bnos )(?<!\bnotre )\b(?:concurrents?|concurrence)\b`],
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
