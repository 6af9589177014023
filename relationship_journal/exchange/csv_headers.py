"""What a contacts CSV's column holds, from its header, in the languages clients write.

Outlook translates its export's headers into the language of the installation
("Vorname", "Prénom", "Nombre", "Voornaam"…), Thunderbird does too, and people's own
spreadsheets say "Mail" or "Handy". Each column is given one *field* (the words the
user sees in the mapping step and writes in `--map`): first from the exact headers
the clients write, then from the words in the header.
"""

from __future__ import annotations

import re

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


def _headers(field: str, *names: str) -> dict[str, str]:
    return {_key(n): field for n in names}


def _key(header: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", fold(header)).split())


def _address(
    label: str,
    street: list[str],
    city: list[str],
    region: list[str],
    postcode: list[str],
    country: list[str],
    po_box: list[str] = (),
) -> dict[str, str]:  # type: ignore[assignment]
    found: dict[str, str] = {}
    for part, names in (
        ("street", street),
        ("city", city),
        ("region", region),
        ("postcode", postcode),
        ("country", country),
        ("po box", po_box),
    ):
        found.update(_headers(f"{label}{part}", *names))
    return found


# The headers Outlook writes, per language of the installation (its "Export to a file" CSV).
OUTLOOK: dict[str, str] = {
    # English
    **_headers("prefix", "Title"),
    **_headers("first name", "First Name"),
    **_headers("middle name", "Middle Name"),
    **_headers("last name", "Last Name"),
    **_headers("suffix", "Suffix"),
    **_headers("nickname", "Nickname"),
    **_headers("organisation", "Company"),
    **_headers("department", "Department"),
    **_headers("role", "Job Title"),
    **_headers("email", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address"),
    **_headers(
        "",
        "E-mail Type",
        "E-mail Display Name",
        "E-mail 2 Type",
        "E-mail 2 Display Name",
        "E-mail 3 Type",
        "E-mail 3 Display Name",
    ),
    **_headers("work phone", "Business Phone", "Business Phone 2", "Company Main Phone"),
    **_headers("home phone", "Home Phone", "Home Phone 2"),
    **_headers("mobile", "Mobile Phone"),
    **_headers("fax", "Business Fax", "Home Fax", "Other Fax"),
    **_headers("phone", "Other Phone", "Primary Phone", "Car Phone"),
    **_address(
        "work ",
        ["Business Street", "Business Street 2", "Business Street 3"],
        ["Business City"],
        ["Business State"],
        ["Business Postal Code"],
        ["Business Country/Region"],
        ["Business Address PO Box"],
    ),
    **_address(
        "home ",
        ["Home Street", "Home Street 2", "Home Street 3"],
        ["Home City"],
        ["Home State"],
        ["Home Postal Code"],
        ["Home Country/Region"],
        ["Home Address PO Box"],
    ),
    **_address(
        "other ",
        ["Other Street", "Other Street 2", "Other Street 3"],
        ["Other City"],
        ["Other State"],
        ["Other Postal Code"],
        ["Other Country/Region"],
        ["Other Address PO Box"],
    ),
    **_headers("birthday", "Birthday"),
    **_headers("anniversary", "Anniversary"),
    **_headers("tags", "Categories"),
    **_headers("notes", "Notes"),
    **_headers("website", "Web Page", "Personal Web Page"),
    # German
    **_headers("prefix", "Anrede", "Titel"),
    **_headers("first name", "Vorname"),
    **_headers("middle name", "Weitere Vornamen"),
    **_headers("last name", "Nachname"),
    **_headers("nickname", "Spitzname"),
    **_headers("organisation", "Firma"),
    **_headers("department", "Abteilung"),
    **_headers("role", "Position"),
    **_headers("email", "E-Mail-Adresse", "E-Mail 2: Adresse", "E-Mail 3: Adresse"),
    **_headers(
        "",
        "E-Mail-Typ",
        "E-Mail: Angezeigter Name",
        "E-Mail 2: Typ",
        "E-Mail 2: Angezeigter Name",
        "E-Mail 3: Typ",
        "E-Mail 3: Angezeigter Name",
    ),
    **_headers("work phone", "Telefon geschäftlich", "Telefon geschäftlich 2", "Telefon Firma"),
    **_headers("home phone", "Telefon privat", "Telefon privat 2"),
    **_headers("mobile", "Mobiltelefon", "Mobiltelefon 2"),
    **_headers("fax", "Fax geschäftlich", "Fax privat", "Weiteres Fax"),
    **_headers("phone", "Weiteres Telefon", "Haupttelefon", "Autotelefon"),
    **_address(
        "work ",
        ["Straße geschäftlich", "Straße geschäftlich 2", "Straße geschäftlich 3"],
        ["Ort geschäftlich"],
        ["Region geschäftlich", "Bundesland/Kanton geschäftlich"],
        ["Postleitzahl geschäftlich"],
        ["Land/Region geschäftlich"],
        ["Postfach geschäftlich"],
    ),
    **_address(
        "home ",
        ["Straße privat", "Straße privat 2", "Straße privat 3"],
        ["Ort privat"],
        ["Bundesland/Kanton privat", "Region privat"],
        ["Postleitzahl privat"],
        ["Land/Region privat"],
        ["Postfach privat"],
    ),
    **_address(
        "other ",
        ["Weitere Straße", "Weitere Straße 2", "Weitere Straße 3"],
        ["Weiterer Ort"],
        ["Weiteres/r Bundesland/Kanton"],
        ["Weitere Postleitzahl"],
        ["Weiteres/r Land/Region"],
        ["Weiteres Postfach"],
    ),
    **_headers("birthday", "Geburtstag"),
    **_headers("anniversary", "Jahrestag"),
    **_headers("tags", "Kategorien"),
    **_headers("notes", "Notizen"),
    **_headers("website", "Webseite"),
    # French
    **_headers("prefix", "Titre"),
    **_headers("first name", "Prénom"),
    **_headers("middle name", "Deuxième prénom"),
    **_headers("last name", "Nom"),
    **_headers("suffix", "Suffixe"),
    **_headers("nickname", "Surnom"),
    **_headers("organisation", "Société"),
    **_headers("department", "Service"),
    **_headers("role", "Fonction", "Poste"),
    **_headers(
        "email",
        "Adresse de messagerie",
        "Adresse de messagerie 2",
        "Adresse de messagerie 3",
        "Adresse e-mail",
        "Adresse e-mail 2",
        "Adresse e-mail 3",
    ),
    **_headers(
        "",
        "Type de messagerie",
        "Nom complet de l'adresse de messagerie",
        "Type de messagerie 2",
        "Nom complet de l'adresse de messagerie 2",
        "Type de messagerie 3",
        "Nom complet de l'adresse de messagerie 3",
    ),
    **_headers("work phone", "Téléphone (bureau)", "Téléphone 2 (bureau)", "Téléphone société"),
    **_headers("home phone", "Téléphone (domicile)", "Téléphone 2 (domicile)"),
    **_headers("mobile", "Tél. mobile", "Téléphone mobile"),
    **_headers("fax", "Télécopie (bureau)", "Télécopie (domicile)", "Télécopie (autre)"),
    **_headers("phone", "Téléphone (autre)", "Téléphone principal", "Téléphone (voiture)"),
    **_address(
        "work ",
        ["Rue (bureau)", "Rue (bureau) 2", "Rue (bureau) 3"],
        ["Ville (bureau)"],
        ["Dép/Région (bureau)"],
        ["Code postal (bureau)"],
        ["Pays/Région (bureau)"],
        ["B.P. (bureau)"],
    ),
    **_address(
        "home ",
        ["Rue (domicile)", "Rue (domicile) 2", "Rue (domicile) 3"],
        ["Ville (domicile)"],
        ["Dép/Région (domicile)"],
        ["Code postal (domicile)"],
        ["Pays/Région (domicile)"],
        ["B.P. (domicile)"],
    ),
    **_address(
        "other ",
        ["Rue (autre)", "Rue (autre) 2", "Rue (autre) 3"],
        ["Ville (autre)"],
        ["Dép/Région (autre)"],
        ["Code postal (autre)"],
        ["Pays/Région (autre)"],
        ["B.P. (autre)"],
    ),
    **_headers("birthday", "Anniversaire"),
    **_headers("anniversary", "Anniversaire de mariage"),
    **_headers("tags", "Catégories"),
    **_headers("website", "Page Web"),
    # Spanish
    **_headers("prefix", "Tratamiento"),
    **_headers("first name", "Nombre"),
    **_headers("middle name", "Segundo nombre"),
    **_headers("last name", "Apellidos"),
    **_headers("suffix", "Sufijo"),
    **_headers("nickname", "Sobrenombre"),
    **_headers("organisation", "Organización", "Compañía"),
    **_headers("department", "Departamento"),
    **_headers("role", "Puesto"),
    **_headers(
        "email",
        "Dirección de correo electrónico",
        "Dirección de correo electrónico 2",
        "Dirección de correo electrónico 3",
    ),
    **_headers(
        "",
        "Tipo de correo electrónico",
        "Nombre mostrado del correo electrónico",
        "Tipo de correo electrónico 2",
        "Nombre mostrado del correo electrónico 2",
        "Tipo de correo electrónico 3",
        "Nombre mostrado del correo electrónico 3",
    ),
    **_headers(
        "work phone",
        "Teléfono del trabajo",
        "Teléfono del trabajo 2",
        "Número de centralita de la organización",
    ),
    **_headers("home phone", "Teléfono particular", "Teléfono particular 2"),
    **_headers("mobile", "Móvil", "Teléfono móvil"),
    **_headers("fax", "Fax del trabajo", "Fax particular", "Otro fax"),
    **_headers("phone", "Otro teléfono", "Teléfono principal"),
    **_address(
        "work ",
        ["Calle del trabajo", "Calle del trabajo 2", "Calle del trabajo 3"],
        ["Ciudad de trabajo"],
        ["Provincia o estado de trabajo"],
        ["Código postal del trabajo"],
        ["País o región del trabajo"],
        ["Apartado postal del trabajo"],
    ),
    **_address(
        "home ",
        ["Calle del domicilio", "Calle del domicilio 2", "Calle del domicilio 3"],
        ["Ciudad de residencia"],
        ["Provincia o estado de residencia"],
        ["Código postal de residencia"],
        ["País o región de residencia"],
        ["Apartado postal del domicilio"],
    ),
    **_address(
        "other ",
        ["Otra calle", "Otra calle 2", "Otra calle 3"],
        ["Otra ciudad"],
        ["Otra provincia o estado"],
        ["Otro código postal"],
        ["Otro país o región"],
        ["Otro apartado postal"],
    ),
    **_headers("birthday", "Cumpleaños"),
    **_headers("anniversary", "Aniversario"),
    **_headers("tags", "Categorías"),
    **_headers("notes", "Notas"),
    **_headers("website", "Página web"),
    # Italian
    **_headers("prefix", "Titolo"),
    **_headers("first name", "Nome"),
    **_headers("middle name", "Secondo nome"),
    **_headers("last name", "Cognome"),
    **_headers("suffix", "Suffisso"),
    **_headers("nickname", "Soprannome"),
    **_headers("organisation", "Società"),
    **_headers("department", "Reparto"),
    **_headers("role", "Posizione"),
    **_headers(
        "email",
        "Indirizzo posta elettronica",
        "Indirizzo posta elettronica 2",
        "Indirizzo posta elettronica 3",
    ),
    **_headers(
        "",
        "Tipo posta elettronica",
        "Nome visualizzato posta elettronica",
        "Tipo posta elettronica 2",
        "Nome visualizzato posta elettronica 2",
        "Tipo posta elettronica 3",
        "Nome visualizzato posta elettronica 3",
    ),
    **_headers("work phone", "Telefono (uff.)", "Telefono (uff.) 2", "Telefono principale società"),
    **_headers("home phone", "Telefono (ab.)", "Telefono (ab.) 2"),
    **_headers("mobile", "Cellulare"),
    **_headers("fax", "Fax (uff.)", "Fax (ab.)", "Altro fax"),
    **_headers("phone", "Altro telefono", "Telefono principale", "Telefono auto"),
    **_address(
        "work ",
        ["Via (uff.)", "Via (uff.) 2", "Via (uff.) 3"],
        ["Città (uff.)"],
        ["Provincia (uff.)"],
        ["CAP (uff.)"],
        ["Paese (uff.)"],
        ["Casella postale (uff.)"],
    ),
    **_address(
        "home ",
        ["Via (ab.)", "Via (ab.) 2", "Via (ab.) 3"],
        ["Città (ab.)"],
        ["Provincia (ab.)"],
        ["CAP (ab.)"],
        ["Paese (ab.)"],
        ["Casella postale (ab.)"],
    ),
    **_address(
        "other ",
        ["Altra via", "Altra via 2", "Altra via 3"],
        ["Altra città"],
        ["Altra provincia"],
        ["Altro CAP"],
        ["Altro paese"],
        ["Altra casella postale"],
    ),
    **_headers("birthday", "Compleanno"),
    **_headers("anniversary", "Anniversario"),
    **_headers("tags", "Categorie"),
    **_headers("notes", "Note"),
    **_headers("website", "Pagina Web"),
    # Dutch
    **_headers("first name", "Voornaam"),
    **_headers("middle name", "Middelste naam"),
    **_headers("last name", "Achternaam"),
    **_headers("suffix", "Achtervoegsel"),
    **_headers("nickname", "Bijnaam"),
    **_headers("organisation", "Bedrijf"),
    **_headers("department", "Afdeling"),
    **_headers("role", "Functie"),
    **_headers("email", "E-mailadres", "E-mailadres 2", "E-mailadres 3"),
    **_headers(
        "",
        "E-mailtype",
        "Weergavenaam voor e-mail",
        "E-mailtype 2",
        "Weergavenaam voor e-mail 2",
        "E-mailtype 3",
        "Weergavenaam voor e-mail 3",
    ),
    **_headers("work phone", "Telefoon op werk", "Telefoon op werk 2", "Hoofdtelefoon bedrijf"),
    **_headers("home phone", "Telefoon thuis", "Telefoon thuis 2"),
    **_headers("mobile", "Mobiele telefoon"),
    **_headers("fax", "Fax op werk", "Fax thuis", "Andere fax"),
    **_headers("phone", "Andere telefoon", "Hoofdtelefoon", "Autotelefoon"),
    **_address(
        "work ",
        ["Werkadres, straat", "Werkadres, straat 2", "Werkadres, straat 3"],
        ["Werkadres, plaats"],
        ["Werkadres, provincie"],
        ["Werkadres, postcode"],
        ["Werkadres, land/regio"],
        ["Werkadres, postbus"],
    ),
    **_address(
        "home ",
        ["Huisadres, straat", "Huisadres, straat 2", "Huisadres, straat 3"],
        ["Huisadres, plaats"],
        ["Huisadres, provincie"],
        ["Huisadres, postcode"],
        ["Huisadres, land/regio"],
        ["Huisadres, postbus"],
    ),
    **_address(
        "other ",
        ["Ander adres, straat", "Ander adres, straat 2", "Ander adres, straat 3"],
        ["Ander adres, plaats"],
        ["Ander adres, provincie"],
        ["Ander adres, postcode"],
        ["Ander adres, land/regio"],
        ["Ander adres, postbus"],
    ),
    **_headers("birthday", "Verjaardag"),
    **_headers("anniversary", "Huwelijksverjaardag", "Jubileum"),
    **_headers("tags", "Categorieën"),
    **_headers("notes", "Notities"),
    **_headers("website", "Webpagina"),
    # Portuguese (Brazil; Portugal's differing words follow)
    **_headers("prefix", "Tratamento"),
    **_headers("middle name", "Segundo nome"),
    **_headers("last name", "Sobrenome"),
    **_headers("suffix", "Sufixo"),
    **_headers("organisation", "Empresa"),
    **_headers("role", "Cargo"),
    **_headers(
        "email",
        "Endereço de email",
        "Endereço de email 2",
        "Endereço de email 3",
        "Endereço de e-mail",
        "Endereço de e-mail 2",
        "Endereço de e-mail 3",
        "Endereço de correio eletrónico",
        "Endereço de correio eletrónico 2",
        "Endereço de correio eletrónico 3",
    ),
    **_headers(
        "",
        "Tipo de email",
        "Nome de exibição do email",
        "Tipo de email 2",
        "Nome de exibição do email 2",
        "Tipo de email 3",
        "Nome de exibição do email 3",
    ),
    **_headers(
        "work phone", "Telefone comercial", "Telefone comercial 2", "Telefone principal da empresa"
    ),
    **_headers("home phone", "Telefone residencial", "Telefone residencial 2"),
    **_headers("mobile", "Telefone celular", "Telemóvel"),
    **_headers("fax", "Fax comercial", "Fax residencial", "Outro fax"),
    **_headers("phone", "Outro telefone", "Telefone principal", "Telefone do carro"),
    **_address(
        "work ",
        ["Rua do endereço comercial", "Rua do endereço comercial 2", "Rua do endereço comercial 3"],
        ["Cidade do endereço comercial"],
        ["Estado do endereço comercial"],
        ["CEP do endereço comercial"],
        ["País/Região do endereço comercial"],
        ["Caixa postal do endereço comercial"],
    ),
    **_address(
        "home ",
        [
            "Rua do endereço residencial",
            "Rua do endereço residencial 2",
            "Rua do endereço residencial 3",
        ],
        ["Cidade do endereço residencial"],
        ["Estado do endereço residencial"],
        ["CEP do endereço residencial"],
        ["País/Região do endereço residencial"],
        ["Caixa postal do endereço residencial"],
    ),
    **_headers("birthday", "Aniversário", "Data de nascimento"),
    **_headers("anniversary", "Aniversário de casamento"),
    **_headers("tags", "Categorias"),
    **_headers("notes", "Anotações", "Observações"),
    **_headers("website", "Página da Web"),
}

# Thunderbird's address book export ("Export… → CSV"), English and German.
THUNDERBIRD: dict[str, str] = {
    **_headers("first name", "First Name", "Vorname"),
    **_headers("last name", "Last Name", "Nachname"),
    **_headers("name", "Display Name", "Anzeigename"),
    **_headers("nickname", "Nickname", "Spitzname"),
    **_headers(
        "email",
        "Primary Email",
        "Secondary Email",
        "Primäre E-Mail-Adresse",
        "Sekundäre E-Mail-Adresse",
    ),
    **_headers("work phone", "Work Phone", "Tel. dienstlich"),
    **_headers("home phone", "Home Phone", "Tel. privat"),
    **_headers("fax", "Fax Number", "Fax-Nummer"),
    **_headers("phone", "Pager Number", "Pager-Nummer"),
    **_headers("mobile", "Mobile Number", "Mobil-Tel.-Nr."),
    **_address(
        "home ",
        ["Home Address", "Home Address 2", "Privat: Adresse", "Privat: Adresse 2"],
        ["Home City", "Privat: Ort"],
        ["Home State", "Privat: Bundesland"],
        ["Home ZipCode", "Privat: PLZ"],
        ["Home Country", "Privat: Land"],
    ),
    **_address(
        "work ",
        ["Work Address", "Work Address 2", "Dienstlich: Adresse", "Dienstlich: Adresse 2"],
        ["Work City", "Dienstlich: Ort"],
        ["Work State", "Dienstlich: Bundesland"],
        ["Work ZipCode", "Dienstlich: PLZ"],
        ["Work Country", "Dienstlich: Land"],
    ),
    **_headers("role", "Job Title", "Arbeitstitel"),
    **_headers("department", "Department", "Abteilung"),
    **_headers("organisation", "Organization", "Organisation"),
    **_headers("website", "Web Page 1", "Web Page 2", "Webseite 1", "Webseite 2"),
    **_headers("birth year", "Birth Year", "Geburtsjahr"),
    **_headers("birth month", "Birth Month", "Geburtsmonat"),
    **_headers("birth day", "Birth Day"),
    **_headers(
        "",
        "Screen Name",
        "Chat-Name",
        "Custom 1",
        "Custom 2",
        "Custom 3",
        "Custom 4",
        "Benutzerdef. 1",
        "Benutzerdef. 2",
        "Benutzerdef. 3",
        "Benutzerdef. 4",
    ),
    **_headers("notes", "Notes", "Notizen"),
}
THUNDERBIRD_MARKERS = {
    _key(h)
    for h in (
        "Primary Email",
        "Primäre E-Mail-Adresse",
        "Display Name",
        "Anzeigename",
        "Birth Year",
        "Geburtsjahr",
    )
}
# The journal's own export (exchange/csv_write), so an export comes back in as it went out.
JOURNAL: dict[str, str] = {
    **_headers("name", "name"),
    **_headers("first name", "given_name"),
    **_headers("last name", "family_name"),
    **_headers("nickname", "nickname"),
    **_headers("organisation", "organisation"),
    **_headers("role", "role"),
    **_headers("email", "emails"),
    **_headers("phone", "phones"),
    **_headers("website", "urls"),
    **_headers("birthday", "birthday"),
    **_headers("tags", "tags"),
    **_headers("how we met", "how_met"),
    **_headers("met on", "met_on"),
    **_headers("notes", "notes"),
    **_headers("uid", "uid"),
}
JOURNAL_MARKERS = {"given_name", "family_name", "emails", "cadence_days"}
_ENGLISH_OUTLOOK = {
    _key(h)
    for h in (
        "First Name",
        "Last Name",
        "E-mail Address",
        "Business Phone",
        "Mobile Phone",
        "Job Title",
        "Company",
    )
}


def known_field(header: str, columns: list[str]) -> str | None:
    """The field a client's exact header stands for, given the whole header; None if not a known one."""
    key = _key(header)
    keys = {_key(c) for c in columns}
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
    return not ({_key(c) for c in columns} & _ENGLISH_OUTLOOK)


# --- the words in a header, for files no client wrote -------------------------------------------
_MAIL = (
    r"e ?mail|\bmail\b|courriel|correo|posta elettronica|messagerie|adresse electronique|correio"
)
_WORDS: list[tuple[str, str]] = [
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
    (r"birth month|geburtsmonat|mois de naissance", "birth month"),
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
    (r"state|region|province|provinc|bundesland|kanton|county|estado|departement", "region"),
    (r"country|\bland\b|\bpays\b|\bpais\b|paese|nation", "country"),
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
    r"casa|ab|abitazione|thuis|huis|huisadres|prive)\b"
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
    key = _key(header)
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
