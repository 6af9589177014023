"""What a contacts CSV's column holds, from its header, in the languages clients write.

Outlook translates its export's headers into the language of the installation
("Vorname", "Prénom", "Nombre", "Voornaam"…), Thunderbird does too, and people's own
spreadsheets say "Mail" or "Handy". Each column is given one *field* (the words the
user sees in the mapping step and writes in `--map`): first from the exact headers
the clients write, then from the words in the header.
"""

from __future__ import annotations

import re

from relationship_journal.exchange.csv_header_names import (
    ENGLISH_OUTLOOK,
    JOURNAL,
    JOURNAL_MARKERS,
    OUTLOOK,
    THUNDERBIRD,
    THUNDERBIRD_MARKERS,
    header_key,
)
from relationship_journal.journal.text import fold

# The fields a column can be read as, in the order the mapping step offers them.
NAME_FIELDS = ("name", "first name", "middle name", "last name", "prefix", "suffix", "nickname")
PHONE_FIELDS = ("phone", "mobile", "work phone", "home phone", "fax")
ADDRESS_PARTS = ("street", "po box", "city", "region", "postcode", "country")
ADDRESS_LABELS = ("", "home ", "work ", "other ")
FIELDS: tuple[str, ...] = (
    *NAME_FIELDS,
    "organisation",
    "department",
    "role",
    "email",
    *PHONE_FIELDS,
    "website",
    "birthday",
    "birth year",
    "birth month",
    "birth day",
    "anniversary",
    "notes",
    "tags",
    "how we met",
    "met on",
    "uid",
    *(f"{label}{part}" for label in ADDRESS_LABELS for part in ADDRESS_PARTS),
)
# Other spellings accepted in --map ("given_name=…", "e-mail=…").
ALIASES = {
    "full name": "name",
    "display name": "name",
    "given name": "first name",
    "given": "first name",
    "first": "first name",
    "family name": "last name",
    "surname": "last name",
    "last": "last name",
    "company": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "title": "role",
    "job title": "role",
    "position": "role",
    "e mail": "email",
    "mail": "email",
    "emails": "email",
    "phones": "phone",
    "telephone": "phone",
    "cell": "mobile",
    "url": "website",
    "urls": "website",
    "web": "website",
    "note": "notes",
    "categories": "tags",
    "labels": "tags",
    "zip": "postcode",
    "postal code": "postcode",
    "state": "region",
    "how met": "how we met",
    "address": "street",
    "dob": "birthday",
    "skip": "",
    "ignore": "",
    "none": "",
    "-": "",
}


def field_name(text: str) -> str | None:
    """The field a user's word stands for ("given_name" → "first name"); '' to skip; None if unknown."""
    word = " ".join(fold(text).replace("_", " ").split())
    word = ALIASES.get(word, word)
    return word if word in FIELDS or word == "" else None


def known_field(header: str, columns: list[str]) -> str | None:
    """The field a client's exact header stands for, given the whole header; None if not a known one."""
    key = header_key(header)
    keys = {header_key(c) for c in columns}
    if JOURNAL_MARKERS <= keys or (key.startswith("address ") and "given_name" in keys):
        return _journal_address(key) if key.startswith("address ") else JOURNAL.get(key, "")
    if keys & THUNDERBIRD_MARKERS:
        if key == "geburtstag":
            return "birth day"  # next to Geburtsjahr and Geburtsmonat it is the day of the month
        if key in THUNDERBIRD:
            return THUNDERBIRD[key]
    if key == "aniversario" and "cumpleanos" not in keys:
        return "birthday"  # Portuguese: "Aniversário" is the birthday
    if key == "apelido":
        return "last name" if keys & {"nome proprio", "primeiro nome"} else "nickname"
    if key == "nom" and "prenom" not in keys:
        return None
    return OUTLOOK.get(key) if key in OUTLOOK else THUNDERBIRD.get(key)


def _journal_address(key: str) -> str:
    """The journal's own 'address 1 street' columns: one group per numbered address."""
    match = re.match(r"^address (\d+) (label|street|po box|city|region|postcode|country)$", key)
    return f"address {match[1]} {match[2]}" if match else ""


def day_first(columns: list[str]) -> bool:
    """Outlook in English writes dates month first; every other language day first."""
    return not ({header_key(c) for c in columns} & ENGLISH_OUTLOOK)


# --- the words in a header, for files no client wrote -------------------------------------------
_MAIL = (
    r"e ?mail|\bmail\b|courriel|correo|posta elettronica|messagerie|adresse electronique|correio"
)
_WORDS: list[tuple[str, str]] = [
    # Google's numbered columns carry their label beside the value ("E-Mail 1 - Label"), and
    # phonetic or pre-formatted copies of other columns: none of them is a value to read.
    (r"\b\d+ (label|type|typ|tipo|etikett|etiquette|libelle|etiqueta|etichetta|rotulo)\b", ""),
    (r"formatted|formatiert|formate|formateado|formattato|geformatteerd|formatado", ""),
    (r"phonetic|phonetisch|phonetique|fonetico|fonetisch|yomi|file as|speichern unter", ""),
    (r"organi[sz]\w* \d+ (title|titel|titre|titulo|titolo|position|cargo|functie)", "role"),
    (
        rf"({_MAIL}).*(display|angezeigt|affich|mostrado|visualizzato|weergave|exibicao|type|typ\b|tipo)",
        "",
    ),
    (rf"(type|typ|tipo|weergave).*({_MAIL})", ""),
    (_MAIL, "email"),
    (r"\b(fax|telecopie)", "fax"),
    (r"mobil|handy|\bcell|movil|portable|mobiele|gsm|telemovel|celular|cellulare", "mobile"),
    (r"phone|telefon|\btel\b|telefono|telefoon|telefone|numero|number|nummer", "phone"),
    (r"\b(uid|vcard uid)\b", "uid"),
    (r"web|url|homepage|site|pagina", "website"),
    (r"birth year|geburtsjahr|annee de naissance", "birth year"),
    (r"birth month|geburtsmonat|mois de naissance|mes de nacimiento", "birth month"),
    (r"birth day\b|jour de naissance|dia de nacimiento", "birth day"),
    (
        r"birth ?day|geburtstag|geburtsdatum|date of birth|\bdob\b|cumpleanos|compleanno|verjaardag|"
        r"naissance|nacimiento|nascita|nascimento|geboortedatum|born",
        "birthday",
    ),
    (r"anniversary|jahrestag|anniversaire|aniversario|anniversario|jubileum", "anniversary"),
    (r"how (we )?met|kennengelernt|rencontre", "how we met"),
    (r"met on|first met", "met on"),
    (r"note|notiz|comment|bemerkung|remark|memo|kommentar|opmerking|anotac|observac", "notes"),
    (r"categor|kategor|label|tag|group|gruppe|groupe|grupo|gruppi|groep", "tags"),
    (r"department|abteilung|departamento|reparto|afdeling", "department"),
    (
        r"company|organi[sz]|firma|unternehmen|societe|entreprise|empresa|compania|societa|azienda|"
        r"bedrijf|employer|arbeitgeber",
        "organisation",
    ),
    (
        r"job|position|role|funktion|fonction|poste|puesto|cargo|posizione|functie|beruf|profession|title|titel",
        "role",
    ),
    (r"po box|postfach|boite postale|apartado|casella postale|postbus|caixa postal", "po box"),
    (
        r"post(al)? ?code|\bzip|\bplz\b|postleitzahl|code postal|\bcp\b|codigo postal|\bcap\b|\bcep\b",
        "postcode",
    ),
    (
        r"\bcity\b|\btown\b|\bort\b|stadt|ville|ciudad|citta|plaats|cidade|localidad|localita|wohnort",
        "city",
    ),
    (r"country|\bland\b|\bpays\b|\bpais\b|paese|nation", "country"),
    (r"state|region|province|provinc|bundesland|kanton|county|estado|departement", "region"),
    (
        r"street|strasse|\brue\b|calle|\bvia\b|straat|\brua\b|address|adresse|adres|direccion|indirizzo|"
        r"endereco",
        "street",
    ),
    (
        r"middle|weitere vornamen|deuxieme prenom|segundo nombre|secondo nome|middelste|segundo nome|"
        r"additional name",
        "middle name",
    ),
    (r"nick|spitzname|surnom|apodo|sobrenombre|soprannome|bijnaam|alcunha", "nickname"),
    (
        r"full name|display name|anzeigename|nom complet|nom a afficher|nombre completo|nome completo|"
        r"volledige naam|weergavenaam|^name$|^naam$|^contact$|^kontakt$|^person$",
        "name",
    ),
    (
        r"first|given|vorname|prenom|^nombre$|^nome$|voornaam|forename|primeiro nome|nome proprio",
        "first name",
    ),
    (
        r"last|family|surname|nachname|familienname|^nom$|nom de famille|apellido|cognome|achternaam|"
        r"sobrenome",
        "last name",
    ),
    (r"salutation|anrede|prefix|tratamiento|tratamento", "prefix"),
    (r"suffix|sufijo|suffisso|achtervoegsel|sufixo", "suffix"),
]
_HOME = (
    r"\b(home|privat|private|personal|domicile|personnel|particular|residencia|residencial|domicilio|"
    r"casa|ab|abitazione|thuis|huis|huisadres|prive|privee)\b"
)
_WORK = (
    r"\b(work|business|office|geschaftlich|dienstlich|buro|bureau|professionnel|trabajo|comercial|"
    r"trabalho|uff|ufficio|lavoro|werk|werkadres|zakelijk)\b"
)
_OTHER = (
    r"\b(other|weitere|weiterer|weiteres|autre|otra|otro|altra|altro|andere|ander|outro|outra)\b"
)


def field_from_words(header: str) -> str | None:
    """A guess from the words of a header in any of the languages above; None when no word fits."""
    key = header_key(header)
    for pattern, field in _WORDS:
        if re.search(pattern, key):
            if field in ADDRESS_PARTS:
                label = (
                    "home "
                    if re.search(_HOME, key)
                    else "work "
                    if re.search(_WORK, key)
                    else ("other " if re.search(_OTHER, key) else "")
                )
                return label + field
            if field == "phone":
                if re.search(_HOME, key):
                    return "home phone"
                if re.search(_WORK, key):
                    return "work phone"
            return field
    return None
