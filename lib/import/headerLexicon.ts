// The header lexicon: for each kind of file, each field the mapping step offers and each language, the column names
// that usually mean that field, most specific first. Names are written as people and exports write them; they are
// compared loosely (mapping.ts looseHeader: case, accents, spaces and punctuation ignored, so "Kunden-Nr." = "kundennr").
//
// Sources for real export conventions (what was checked, and where):
// - DATEV Buchungsstapel, the format German bookkeeping exports: "Umsatz (ohne Soll/Haben-Kz)", "WKZ Umsatz", "Konto"
//   (the debtor account), "Belegdatum", "Belegfeld 1" (invoice number), "Buchungstext";
//   https://developer.datev.de/datev/platform/de/dtvf/formate/buchungsstapel (column list as reproduced in public
//   DATEV importers, e.g. github.com/oycl/ATB-LIVE datev_import/wizard/import_datev_columns.py).
// - Exact Online (Dutch) receivables list: "Factuurnr.", "Naam", "Deb.nr.", "Omschrijving factuur", "Boekstuk",
//   "Factuur" as in an export published at github.com/BDOAutoMapper/demo (output_data/inputReport.md).
// - French invoice exports as Sage and French invoicing tools write them: "Numéro Facture", "Date", "Client",
//   "Description", "Quantité", "Prix Unitaire HT", "Total HT", "Montant HT", "Montant TTC" (github.com/karimLamari/faktu
//   CSV_EXPORT_GUIDE.md); Sage 50 RImport: "N° de pièce", "N° de compte" (github.com/khaleddesign/compta SAGE_EXPORT.md).
// - SAP SD billing documents, German field labels of VBRK/VBRP: Faktura, Fakturadatum, Auftraggeber, Debitor, Material,
//   Fakturierte Menge, Nettowert, Belegwährung (the data element labels; not checked against a live export here).
// - SAP FI customer line items (FBL5N-style ALV list exported to a file) as one company loads them into SQL, column for
//   column with an "SAP-" prefix: "Buchungskreis", "Konto", "Debitor/Kreditor", "Belegnummer", "Belegart",
//   "Buchungsdatum", "Belegdatum", "Betrag in Hauswährung", "Hauswährung", "Betrag in Belegwährung", "Belegwährung",
//   "Menge" (github.com/minhazrwe/Finrecon_tes dbo/Tables/AWV_Export.sql, read 2026-12-01). "Debitor/Kreditor" names
//   the customer where "Konto" may be the ledger account; the amount in document currency goes with "Belegwährung".
// - Lexware faktura exports (Kundennummer, Rechnungsnummer, Rechnungsdatum, Artikelnummer, Bezeichnung, Menge,
//   Einzelpreis, Gesamtpreis): the product's list-view column names, not checked against a live export here.
// The rest are the plain words of each language. A guess in any language but English only pre-fills the mapping step:
// the user sees the first value beside each field and confirms (formats.ts detects generic logs from English only).
import type { ImportKind, TargetField } from './types';

export const LANGUAGES = ['en', 'de', 'nl', 'fr', 'es', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];
export type FieldNames = Partial<Record<Language, string[]>>;

const EMAIL: FieldNames = {
  en: ['email', 'emailaddress', 'workemail', 'businessemail', 'mail'],
  de: ['E-Mail', 'E-Mail-Adresse', 'Mail', 'Email-Adresse'], nl: ['E-mail', 'E-mailadres'], fr: ['E-mail', 'Courriel', 'Adresse e-mail', 'Adresse électronique', 'Mél'],
  es: ['Correo electrónico', 'Correo', 'E-mail', 'Email'], it: ['E-mail', 'Indirizzo e-mail', 'Posta elettronica'],
};
const WEBSITE: FieldNames = {
  en: ['website', 'companywebsite', 'domain', 'companydomain', 'url'],
  de: ['Webseite', 'Website', 'Internetseite', 'Homepage', 'Internetadresse', 'Domain', 'Internet'], nl: ['Website', 'Webadres', 'Domein', 'Internetadres'],
  fr: ['Site web', 'Site internet', 'Domaine'], es: ['Sitio web', 'Página web', 'Web', 'Dominio'], it: ['Sito web', 'Sito internet', 'Dominio'],
};
const CURRENCY: FieldNames = {
  en: ['currency', 'currencycode', 'ccy', 'currencyisocode'],
  de: ['Währung', 'Währungscode', 'WKZ', 'WKZ Umsatz', 'Belegwährung', 'Währungsschlüssel'], nl: ['Valuta', 'Valutacode', 'Munteenheid'],
  fr: ['Devise', 'Code devise', 'Monnaie'], es: ['Moneda', 'Divisa', 'Código de moneda'], it: ['Valuta', 'Divisa', 'Codice valuta'],
};
const COMPANY: FieldNames = {
  en: ['company', 'companyname', 'organization', 'organisation', 'account', 'accountname'],
  de: ['Firma', 'Firmenname', 'Unternehmen', 'Unternehmensname', 'Organisation'], nl: ['Bedrijf', 'Bedrijfsnaam', 'Organisatie'],
  fr: ['Société', 'Entreprise', 'Raison sociale', 'Organisation', 'Compte'], es: ['Empresa', 'Compañía', 'Razón social', 'Organización', 'Cuenta'],
  it: ['Azienda', 'Società', 'Ragione sociale', 'Organizzazione'],
};
const COMPANY_ID: FieldNames = {
  en: ['companyid', 'accountid', 'organizationid', 'companyrecordid'],
  de: ['Firmen-ID', 'Unternehmens-ID', 'Organisations-ID'], nl: ['Bedrijfs-ID', 'Organisatie-ID'], fr: ['ID société', 'ID entreprise', 'ID organisation'],
  es: ['ID empresa', 'ID de la empresa', 'ID organización'], it: ['ID azienda', 'ID organizzazione'],
};
const OWNER: FieldNames = {
  en: ['owner', 'contactowner', 'accountowner', 'companyowner', 'dealowner', 'salesrep'],
  de: ['Besitzer', 'Zuständig', 'Verantwortlich', 'Betreuer', 'Kundenbetreuer', 'Vertriebsmitarbeiter', 'Außendienst'],
  nl: ['Eigenaar', 'Verantwoordelijke', 'Accountmanager'], fr: ['Propriétaire', 'Responsable', 'Commercial'], es: ['Propietario', 'Responsable', 'Comercial'],
  it: ['Proprietario', 'Responsabile', 'Commerciale'],
};
const RECORD_ID: FieldNames = {
  en: ['recordid', 'id'], de: ['Datensatz-ID', 'ID'], nl: ['Record-ID', 'ID'], fr: ['Identifiant', 'ID'], es: ['Identificador', 'ID'], it: ['Identificativo', 'ID'],
};
const CREATED: FieldNames = {
  en: ['createdate', 'createddate', 'createdat', 'created', 'createdtime'],
  de: ['Erstellt am', 'Erstelldatum', 'Angelegt am', 'Anlagedatum'], nl: ['Aangemaakt op', 'Aanmaakdatum'], fr: ['Date de création', 'Créé le'],
  es: ['Fecha de creación', 'Creado el'], it: ['Data di creazione', 'Creato il'],
};
const PERSON_NAME: FieldNames = {
  en: ['contactname', 'name', 'fullname', 'personname'],
  de: ['Kontakt', 'Kontaktname', 'Ansprechpartner', 'Name', 'Vollständiger Name'], nl: ['Contactpersoon', 'Naam', 'Volledige naam'],
  fr: ['Contact', 'Nom du contact', 'Nom complet'], es: ['Contacto', 'Nombre del contacto', 'Nombre completo'], it: ['Contatto', 'Nome contatto', 'Nome completo'],
};

const CUSTOMER_ID: FieldNames = {
  en: ['customerid', 'customerno', 'customernumber', 'custid', 'clientid', 'clientno', 'customercode', 'accountnumber', 'debtorno', 'buyerid'],
  de: ['Kundennummer', 'Kunden-Nr.', 'Kundennr', 'Kd.-Nr.', 'KdNr', 'Debitor', 'Debitorennummer', 'Debitor-Nr.', 'Debitorenkonto', 'Debitor/Kreditor', 'Auftraggeber', 'Konto'],
  nl: ['Klantnummer', 'Klantnr.', 'Klantcode', 'Debiteurnummer', 'Debiteurnr.', 'Deb.nr.', 'Debiteur', 'Relatienummer'],
  fr: ['N° client', 'Nº client', 'Numéro client', 'Numéro de client', 'Code client', 'Réf. client', 'Compte client', 'N° compte tiers', 'Compte tiers'],
  es: ['Nº cliente', 'N° cliente', 'Número de cliente', 'Núm. cliente', 'Código cliente', 'Código de cliente', 'Cód. cliente', 'ID cliente'],
  it: ['Codice cliente', 'Cod. cliente', 'Numero cliente', 'N. cliente', 'ID cliente'],
};

// VAT ids: EU "VAT number" conventions per language (USt-IdNr. in Germany, BTW-nummer in the Netherlands, numéro de TVA
// intracommunautaire in France, NIF-IVA in Spain, Partita IVA in Italy).
const VAT_ID: FieldNames = {
  en: ['vatid', 'vatnumber', 'vatno', 'vatregistrationnumber', 'taxid'],
  de: ['USt-IdNr.', 'USt-ID', 'UStIdNr', 'Umsatzsteuer-ID', 'Umsatzsteuer-Identifikationsnummer'],
  nl: ['BTW-nummer', 'BTW nummer', 'Btw-id'],
  fr: ['N° TVA', 'Numéro de TVA', 'TVA intracommunautaire', 'N° TVA intracommunautaire'],
  es: ['NIF-IVA', 'NIF IVA', 'Número de IVA', 'CIF'],
  it: ['Partita IVA', 'P. IVA', 'P.IVA'],
};

export const HEADER_LEXICON: Record<ImportKind, Partial<Record<TargetField, FieldNames>>> = {
  orders: {
    invoiceNo: {
      en: ['invoiceno', 'invoicenumber', 'invoice', 'invoiceid', 'orderno', 'ordernumber', 'orderid', 'documentno', 'transactionid', 'receiptno'],
      de: ['Rechnungsnummer', 'Rechnungsnr', 'Rechnungs-Nr.', 'Rechnung', 'Belegnummer', 'Beleg-Nr.', 'Belegnr', 'Belegfeld 1', 'Faktura', 'Fakturanummer', 'Auftragsnummer', 'Auftrags-Nr.', 'Bestellnummer', 'Beleg'],
      nl: ['Factuurnummer', 'Factuurnr.', 'Factuur', 'Ordernummer', 'Bestelnummer', 'Boekstuknummer', 'Boekstuk'],
      fr: ['N° facture', 'Nº facture', 'Numéro de facture', 'Numéro facture', 'Facture', 'N° pièce', 'Numéro de pièce', 'N° commande', 'Numéro de commande'],
      es: ['Nº factura', 'N° factura', 'Número de factura', 'Núm. factura', 'Factura', 'Nº pedido', 'Número de pedido', 'Nº documento'],
      it: ['Numero fattura', 'N. fattura', 'Nr. fattura', 'Fattura', 'Numero documento', 'Numero ordine', 'N. ordine'],
    },
    date: {
      en: ['invoicedate', 'orderdate', 'date', 'transactiondate', 'purchasedate', 'documentdate', 'saledate', 'postingdate'],
      de: ['Rechnungsdatum', 'Belegdatum', 'Fakturadatum', 'Buchungsdatum', 'Auftragsdatum', 'Bestelldatum', 'Lieferdatum', 'Datum'],
      nl: ['Factuurdatum', 'Boekdatum', 'Orderdatum', 'Besteldatum', 'Datum'],
      fr: ['Date de facture', 'Date facture', 'Date de la facture', 'Date pièce', 'Date de commande', "Date d'émission", 'Date'],
      es: ['Fecha de factura', 'Fecha factura', 'Fecha de emisión', 'Fecha de pedido', 'Fecha pedido', 'Fecha'],
      it: ['Data fattura', 'Data documento', 'Data ordine', 'Data emissione', 'Data'],
    },
    customerId: CUSTOMER_ID,
    customerName: {
      en: ['customername', 'customer', 'client', 'clientname', 'companyname', 'company', 'accountname', 'account'],
      de: ['Kundenname', 'Kunde', 'Kundenbezeichnung', 'Debitorname', 'Name 1', 'Firma', 'Firmenname', 'Name'],
      nl: ['Klantnaam', 'Klant', 'Debiteurnaam', 'Bedrijfsnaam', 'Relatie', 'Naam'],
      fr: ['Nom client', 'Nom du client', 'Client', 'Raison sociale', 'Société', 'Nom'],
      es: ['Nombre cliente', 'Nombre del cliente', 'Cliente', 'Razón social', 'Empresa', 'Nombre'],
      it: ['Nome cliente', 'Cliente', 'Ragione sociale', 'Denominazione', 'Azienda', 'Nome'],
    },
    customerDomain: { ...WEBSITE, en: ['customerdomain', 'domain', 'companydomain', 'customerwebsite', 'website'] },
    customerEmail: {
      en: ['customeremail', 'email', 'buyeremail', 'billingemail'],
      de: ['Kunden-E-Mail', 'E-Mail Kunde', ...EMAIL.de!], nl: ['E-mail klant', ...EMAIL.nl!], fr: ['E-mail client', ...EMAIL.fr!],
      es: ['Correo del cliente', 'Email cliente', ...EMAIL.es!], it: ['E-mail cliente', ...EMAIL.it!],
    },
    product: {
      en: ['product', 'productname', 'item', 'itemname', 'description', 'article'],
      de: ['Artikel', 'Artikelbezeichnung', 'Bezeichnung', 'Produkt', 'Produktname', 'Materialkurztext', 'Leistung', 'Beschreibung', 'Buchungstext'],
      nl: ['Artikel', 'Artikelomschrijving', 'Omschrijving', 'Product', 'Productnaam'],
      fr: ['Article', 'Désignation', 'Libellé article', 'Produit', 'Libellé', 'Description'],
      es: ['Artículo', 'Producto', 'Descripción', 'Concepto'], it: ['Articolo', 'Descrizione articolo', 'Descrizione', 'Prodotto'],
    },
    sku: {
      en: ['sku', 'productcode', 'itemcode', 'stockcode', 'articleno', 'productid', 'itemno'],
      de: ['Artikelnummer', 'Artikel-Nr.', 'Artikelnr', 'Art.-Nr.', 'Materialnummer', 'Material', 'Produktnummer'],
      nl: ['Artikelnummer', 'Artikelcode', 'Artikelnr.', 'Productcode'], fr: ['Référence article', 'Réf. article', 'Code article', 'Code produit', 'Référence'],
      es: ['Código artículo', 'Código de artículo', 'Código producto', 'Referencia', 'Ref.'], it: ['Codice articolo', 'Cod. articolo', 'Codice prodotto', 'Riferimento'],
    },
    quantity: {
      en: ['quantity', 'qty', 'units', 'numberofcds'],
      de: ['Menge', 'Anzahl', 'Stückzahl', 'Stück', 'Fakturierte Menge', 'Liefermenge'], nl: ['Aantal', 'Hoeveelheid'], fr: ['Quantité', 'Qté', 'Qte', 'Nombre'],
      es: ['Cantidad', 'Cant.', 'Unidades'], it: ['Quantità', 'Qtà', 'Q.tà', 'Pezzi'],
    },
    amount: {
      en: ['amount', 'linetotal', 'total', 'netamount', 'totalamount', 'lineamount', 'revenue', 'sales', 'value', 'dollarvalue', 'subtotal'],
      de: ['Nettobetrag', 'Netto', 'Nettowert', 'Betrag in Belegwährung', 'Betrag in BW', 'Betrag in Hauswährung', 'Betrag in HW', 'Betrag', 'Umsatz', 'Umsatz (ohne Soll/Haben-Kz)', 'Gesamtpreis', 'Gesamtbetrag', 'Positionswert', 'Summe', 'Wert', 'Bruttobetrag', 'Brutto'],
      nl: ['Bedrag', 'Nettobedrag', 'Netto bedrag', 'Bedrag excl. btw', 'Totaalbedrag', 'Totaal', 'Regelbedrag', 'Omzet', 'Waarde'],
      fr: ['Montant HT', 'Total HT', 'Montant net', 'Montant', 'Total', 'Montant TTC', "Chiffre d'affaires"],
      es: ['Importe', 'Importe neto', 'Base imponible', 'Importe total', 'Total', 'Neto', 'Monto'],
      it: ['Importo', 'Imponibile', 'Importo netto', 'Totale', 'Netto', 'Valore'],
    },
    unitPrice: {
      en: ['unitprice', 'price', 'priceeach'],
      de: ['Einzelpreis', 'E-Preis', 'Stückpreis', 'Nettopreis', 'Preis'], nl: ['Stukprijs', 'Eenheidsprijs', 'Prijs per stuk', 'Prijs'],
      fr: ['Prix unitaire HT', 'Prix unitaire', 'PU HT', 'PU', 'Prix'], es: ['Precio unitario', 'Precio unidad', 'Precio'], it: ['Prezzo unitario', 'Prezzo'],
    },
    currency: CURRENCY,
  },
  activities: {
    date: {
      en: ['activitydate', 'date', 'timestamp', 'sentat', 'datetime', 'activitytime'],
      de: ['Aktivitätsdatum', 'Zeitpunkt', 'Gesendet am', 'Datum'], nl: ['Activiteitsdatum', 'Tijdstip', 'Datum'], fr: ["Date de l'activité", 'Horodatage', 'Date'],
      es: ['Fecha de actividad', 'Fecha'], it: ['Data attività', 'Data'],
    },
    activityType: {
      en: ['activitytype', 'type', 'activity', 'channel'],
      de: ['Aktivitätstyp', 'Aktivität', 'Typ', 'Art', 'Kanal'], nl: ['Activiteitstype', 'Activiteit', 'Type', 'Soort', 'Kanaal'],
      fr: ["Type d'activité", 'Activité', 'Type', 'Canal'], es: ['Tipo de actividad', 'Actividad', 'Tipo', 'Canal'], it: ['Tipo attività', 'Attività', 'Tipo', 'Canale'],
    },
    email: {
      en: ['contactemail', 'email', 'emailaddress', 'personemail'],
      de: ['Kontakt-E-Mail', ...EMAIL.de!], nl: ['E-mail contact', ...EMAIL.nl!], fr: ['E-mail du contact', ...EMAIL.fr!], es: ['Correo del contacto', ...EMAIL.es!],
      it: ['E-mail contatto', ...EMAIL.it!],
    },
    fullName: PERSON_NAME,
    direction: {
      en: ['direction', 'inboundoutbound'], de: ['Richtung', 'Eingehend/Ausgehend'], nl: ['Richting', 'Inkomend/Uitgaand'], fr: ['Sens', 'Direction'],
      es: ['Dirección', 'Sentido'], it: ['Direzione'],
    },
  },
  contacts: {
    email: EMAIL,
    // In French, Spanish and Italian contact lists "Nom"/"Nombre"/"Nome" sit beside "Prénom"/"Apellidos"/"Cognome":
    // there they are one half of the name, so they are listed under first or last name, not full name.
    firstName: { en: ['firstname', 'givenname', 'forename'], de: ['Vorname'], nl: ['Voornaam', 'Roepnaam'], fr: ['Prénom'], es: ['Nombre'], it: ['Nome'] },
    lastName: {
      en: ['lastname', 'surname', 'familyname'], de: ['Nachname', 'Familienname', 'Zuname'], nl: ['Achternaam'], fr: ['Nom de famille', 'Nom'],
      es: ['Apellidos', 'Apellido'], it: ['Cognome'],
    },
    fullName: { ...PERSON_NAME, en: ['name', 'fullname', 'contactname'] },
    title: {
      en: ['jobtitle', 'title', 'position', 'role'], de: ['Position', 'Funktion', 'Berufsbezeichnung', 'Stellenbezeichnung', 'Jobtitel'],
      nl: ['Functie', 'Functietitel'], fr: ['Fonction', 'Poste', 'Titre'], es: ['Cargo', 'Puesto'], it: ['Ruolo', 'Qualifica', 'Posizione', 'Mansione'],
    },
    phone: {
      en: ['phone', 'phonenumber', 'mobile', 'telephone'], de: ['Telefon', 'Telefonnummer', 'Tel.', 'Mobil', 'Handy'], nl: ['Telefoon', 'Telefoonnummer', 'Mobiel'],
      fr: ['Téléphone', 'Tél.', 'Portable', 'Mobile'], es: ['Teléfono', 'Tel.', 'Móvil'], it: ['Telefono', 'Tel.', 'Cellulare'],
    },
    company: COMPANY,
    companyId: COMPANY_ID,
    website: { ...WEBSITE, en: ['website', 'companywebsite', 'domain'] },
    owner: OWNER,
    lastActivity: {
      en: ['lastactivity', 'lastactivitydate', 'lastcontacted'], de: ['Letzte Aktivität', 'Letzter Kontakt'], nl: ['Laatste activiteit', 'Laatste contact'],
      fr: ['Dernière activité', 'Dernier contact'], es: ['Última actividad', 'Último contacto'], it: ['Ultima attività', 'Ultimo contatto'],
    },
    createdAt: CREATED,
    recordId: RECORD_ID,
  },
  companies: {
    customerId: CUSTOMER_ID,
    email: EMAIL,
    vatId: VAT_ID,
    company: {
      en: ['companyname', 'company', 'name', 'accountname', 'organization', 'organisation'],
      de: [...COMPANY.de!, 'Name 1', 'Name'], nl: [...COMPANY.nl!, 'Naam'], fr: [...COMPANY.fr!, 'Nom'], es: [...COMPANY.es!, 'Nombre'], it: [...COMPANY.it!, 'Denominazione', 'Nome'],
    },
    website: WEBSITE,
    industry: {
      en: ['industry', 'sector'], de: ['Branche', 'Wirtschaftszweig', 'Industrie'], nl: ['Branche', 'Sector', 'Industrie'], fr: ["Secteur d'activité", 'Secteur', 'Industrie'],
      es: ['Sector', 'Industria'], it: ['Settore', 'Industria'],
    },
    employees: {
      en: ['employees', 'numberofemployees', 'headcount'], de: ['Mitarbeiter', 'Mitarbeiterzahl', 'Anzahl Mitarbeiter', 'Beschäftigte'],
      nl: ['Aantal medewerkers', 'Medewerkers', 'Werknemers'], fr: ["Nombre d'employés", 'Nombre de salariés', 'Effectif', 'Salariés'],
      es: ['Número de empleados', 'Empleados', 'Plantilla'], it: ['Numero di dipendenti', 'Numero dipendenti', 'Dipendenti'],
    },
    annualRevenue: {
      en: ['annualrevenue', 'revenue'], de: ['Jahresumsatz', 'Umsatz'], nl: ['Jaaromzet', 'Omzet'], fr: ["Chiffre d'affaires", 'CA annuel'],
      es: ['Facturación anual', 'Facturación', 'Ingresos anuales'], it: ['Fatturato annuo', 'Fatturato'],
    },
    currency: CURRENCY,
    owner: OWNER,
    recordId: RECORD_ID,
  },
  deals: {
    dealName: {
      en: ['dealname', 'opportunityname', 'title', 'name'], de: ['Deal-Name', 'Verkaufschance', 'Bezeichnung', 'Titel', 'Name'],
      nl: ['Dealnaam', 'Verkoopkans', 'Titel', 'Naam'], fr: ["Nom de l'affaire", 'Opportunité', 'Affaire', 'Titre', 'Nom'],
      es: ['Nombre de la oportunidad', 'Oportunidad', 'Título', 'Nombre'], it: ['Opportunità', 'Trattativa', 'Titolo', 'Nome'],
    },
    amount: {
      en: ['amount', 'value', 'dealvalue'], de: ['Auftragswert', 'Deal-Wert', 'Betrag', 'Wert', 'Volumen'], nl: ['Dealwaarde', 'Bedrag', 'Waarde'],
      fr: ['Montant', 'Valeur'], es: ['Importe', 'Valor', 'Monto'], it: ['Importo', 'Valore'],
    },
    closeDate: {
      en: ['closedate', 'closingdate', 'wondate', 'wontime', 'dateclosed'], de: ['Abschlussdatum', 'Schlussdatum', 'Gewonnen am'],
      nl: ['Sluitingsdatum', 'Afsluitdatum', 'Gewonnen op'], fr: ['Date de clôture', 'Date de signature'], es: ['Fecha de cierre'], it: ['Data di chiusura', 'Data chiusura'],
    },
    stage: {
      en: ['stage', 'dealstage', 'status'], de: ['Verkaufsphase', 'Phase', 'Stufe', 'Status'], nl: ['Fase', 'Stadium', 'Status'], fr: ['Étape', 'Phase', 'Statut'],
      es: ['Etapa', 'Fase', 'Estado'], it: ['Fase', 'Stato'],
    },
    won: { en: ['won', 'iswon', 'closedwon'], de: ['Gewonnen'], nl: ['Gewonnen'], fr: ['Gagné', 'Gagnée'], es: ['Ganado', 'Ganada'], it: ['Vinto', 'Vinta'] },
    company: COMPANY,
    companyId: COMPANY_ID,
    website: WEBSITE,
    currency: { ...CURRENCY, en: ['currency'] },
    recordId: RECORD_ID,
  },
};
