"""Writes the import test corpus: files that mimic what each client exports.

Run from this folder as `python make_corpus.py .`; the tests read the files it writes.
"""

import base64
import csv
import io
import os
import quopri
import random
import sys

out = sys.argv[1]


def w(name, data):
    open(os.path.join(out, name), "wb").write(data)


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


def fold(line, width=75, indent=" "):
    parts = [line[:width]]
    line = line[width:]
    while line:
        parts.append(indent + line[: width - 1])
        line = line[width - 1 :]
    return "\n".join(parts)


def qp(text, charset="utf-8"):
    return quopri.encodestring(text.encode(charset)).decode("ascii").replace("=\n", "=\n")


rng = random.Random(7)


def jpeg(n):
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
        + bytes(rng.randrange(256) for _ in range(n))
        + b"\xff\xd9"
    )


photo_small = jpeg(300)
photo_big = jpeg(60000)
b64_small = base64.b64encode(photo_small).decode()
b64_big = base64.b64encode(photo_big).decode()

# 1. iOS / macOS Contacts: vCard 3.0, CRLF, Apple labels, omitted birth year, folded base64 photo.
ios = f"""BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.1//EN
N:Ångström;Zoë;;;
FN:Zoë Ångström
NICKNAME:Zo
ORG:Café Lumière;
TITLE:Head Roaster
EMAIL;type=INTERNET;type=HOME;type=pref:zoe@example.se
EMAIL;type=INTERNET;type=WORK:zoe.angstrom@cafe-lumiere.example
TEL;type=CELL;type=VOICE;type=pref:+46 70 123 45 67
TEL;type=WORK;type=VOICE:+46 8 555 010 20
item1.URL;type=pref:https\\://zoe.example.se/blog
item1.X-ABLabel:_$!<HomePage>!$_
item2.URL:https\\://instagram.example/zoeroasts
item2.X-ABLabel:Instagram
item3.X-ABDATE;type=pref:2015-06-20
item3.X-ABLabel:_$!<Anniversary>!$_
BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15
NOTE:Met at the Stockholm coffee festival.\\nLoves Ethiopian beans\\, hates decaf.
CATEGORIES:Coffee,Friends
{fold("PHOTO;ENCODING=b;TYPE=JPEG:" + b64_big)}
X-SOCIALPROFILE;type=twitter:x-apple:zoeroasts
END:VCARD
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//macOS 14.0//EN
N:Lærum;Øyvind;;;
FN:Øyvind Lærum
ORG:Fjord Analytics;Research
EMAIL;type=INTERNET;type=WORK;type=pref:oyvind@fjord.example
TEL;type=IPHONE;type=CELL;type=VOICE;type=pref:+47 912 34 567
BDAY:1979-02-28
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Martínez-Núñez;José;María;;
FN:José María Martínez-Núñez
TEL;type=HOME;type=VOICE:+34 91 555 12 34
item1.EMAIL;type=INTERNET:jose@example.es
item1.X-ABLabel:club
END:VCARD
"""
w("ios_contacts.vcf", crlf(ios).encode("utf-8"))

# 2. Android: vCard 2.1, QUOTED-PRINTABLE with CHARSET and soft line breaks, bare params, 2.1 photo.
greek = "Αλέξανδρος Παπαδόπουλος"
note = "Σημείωση: συναντηθήκαμε στην Αθήνα, στο συνέδριο για τα δεδομένα."
android = f"""BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp("Παπαδόπουλος")};{qp("Αλέξανδρος")};;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(greek)}
TEL;CELL:+30 694 123 4567
TEL;HOME:210 555 0101
EMAIL;HOME:alex@example.gr
NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(note)}
BDAY:1985-11-03
X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Alekos;1;;;;;;;;;;;;;
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9A=D0=B0=D1=80=D0=B5=D0=BD=D0=B8=D0=BD=D0=B0;=D0=90=D0=BD=D0=BD=D0=B0;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=90=D0=BD=D0=BD=D0=B0 =D0=9A=D0=B0=D1=80=D0=B5=D0=BD=D0=B8=
=D0=BD=D0=B0
TEL;CELL;PREF:+7 916 123-45-67
TEL;WORK:+7 495 555-01-02
EMAIL;WORK:anna@example.ru
EMAIL;HOME:anna.k@example.ru
PHOTO;ENCODING=BASE64;JPEG:
{chr(10).join("    " + b64_small[i : i + 72] for i in range(0, len(b64_small), 72))}

END:VCARD
"""
w("android_contacts.vcf", crlf(android).encode("utf-8"))

# 3. Google Contacts vCard export: 3.0, PHOTO as a URL, grouped labels, --MMDD birthday.
google_vcf = """BEGIN:VCARD
VERSION:3.0
FN:李小龙
N:李;小龙;;;
EMAIL;TYPE=INTERNET;TYPE=HOME:xiaolong@example.cn
TEL;TYPE=CELL:+86 138 0013 8000
BDAY:--0415
PHOTO:https://lh3.googleusercontent.com/contacts/ABCDEF123
CATEGORIES:myContacts,Kung Fu
item1.URL:https\\://example.cn/xiaolong
item1.X-ABLabel:Blog
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:محمد عبد الله
N:عبد الله;محمد;;;
EMAIL;TYPE=INTERNET;TYPE=WORK:m.abdullah@example.ae
TEL;TYPE=WORK:+971 4 555 0199
ORG:مؤسسة المستقبل
TITLE:مدير
END:VCARD
"""
w("google_contacts.vcf", google_vcf.encode("utf-8"))

# 4. Outlook: vCard 2.1 in Windows-1252, QP note with CRLF inside, LANGUAGE params, X-MS fields,
#    and a second card whose note runs on over raw lines (Outlook's multi-line value).
outlook = """BEGIN:VCARD
VERSION:2.1
N;LANGUAGE=de:Müller;Jürgen
FN:Jürgen Müller
ORG:Bäckerei Müller GmbH
TITLE:Geschäftsführer
NOTE;ENCODING=QUOTED-PRINTABLE:Met at the trade fair in K=F6ln.=0D=0AWants an intro to the =
bank.
TEL;WORK;VOICE:+49 221 555 0100
TEL;CELL;VOICE:+49 170 555 0101
EMAIL;PREF;INTERNET:juergen@baeckerei-mueller.example
X-MS-OL-DEFAULT-POSTAL-ADDRESS:0
X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns="http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards" ver="1.0"/>
REV:20240115T101500Z
END:VCARD
BEGIN:VCARD
VERSION:2.1
N:Lefèvre;Renée
FN:Renée Lefèvre
EMAIL;PREF;INTERNET:renee@example.fr
NOTE:First line of a long note
second line, still the note
third line; the end
END:VCARD
"""
w("outlook.vcf", crlf(outlook).encode("cp1252"))

# 5. Thunderbird: vCard 4.0, LF, UTF-8 with BOM, PREF=1, VALUE=TEXT, ANNIVERSARY.
tb = """BEGIN:VCARD
VERSION:4.0
PRODID:-//Thunderbird//EN
FN:Ευτυχία Μανωλάκη
N:Μανωλάκη;Ευτυχία;;;
EMAIL;PREF=1:eftychia@example.gr
EMAIL;TYPE=work:e.manolaki@uni.example
TEL;VALUE=TEXT;TYPE=cell:+30 697 000 1111
BDAY;VALUE=DATE:19900101
ANNIVERSARY;VALUE=DATE:20180909
NOTE:Thunderbird note with a\\, comma
UID:7c4b7c56-7f1e-4a0e-9d0b-2f3f2c4f5a6b
END:VCARD
"""
w("thunderbird.vcf", b"\xef\xbb\xbf" + tb.encode("utf-8"))

# 6. An old phone: 2.1 with CHARSET=ISO-8859-1 quoted-printable, soft breaks, N but no FN.
old = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Dupr=E9;H=E9l=E8ne
TEL;PREF;CELL:0612345678
NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Rencontr=E9e =E0 Lyon, aime le th=
=E9=E2tre et la cuisine.
END:VCARD
BEGIN:VCARD
VERSION:2.1
N:Smith;Bob
TEL;WORK:+44 20 7946 0958
END:VCARD
"""
w("old_phone.vcf", crlf(old).encode("ascii"))

# 7. Lotus Notes: lower-case names, trailing spaces, blank lines inside, repeated TYPE,
#    Notes-only X- fields, and the last card never closed.
lotus = (
    "BEGIN:VCARD   \n"
    + """version:3.0
fn:Siobhán Ó Briain
n:Ó Briain;Siobhán;;;

email;type=INTERNET;type=WORK:siobhan@example.ie
tel;TYPE=WORK;TYPE=VOICE:+353 1 555 0123
org:Notes & Domino Ltd
X-LOTUS-CHILD_UID:0123456789ABCDEF
end:vcard
BEGIN:VCARD
VERSION:3.0
FN:Tadhg Mac Cárthaigh
N:Mac Cárthaigh;Tadhg;;;
EMAIL;TYPE=INTERNET:tadhg@example.ie
"""
)
w("lotus_notes.vcf", crlf(lotus).encode("utf-8"))

# 8. Outlook CSV: UTF-16 LE with BOM, CRLF, a multi-line Notes cell, US dates, 0/0/00 for none.
outlook_cols = [
    "Title",
    "First Name",
    "Middle Name",
    "Last Name",
    "Suffix",
    "Company",
    "Department",
    "Job Title",
    "Business Street",
    "Business Phone",
    "Home Phone",
    "Mobile Phone",
    "E-mail Address",
    "E-mail Display Name",
    "E-mail 2 Address",
    "Birthday",
    "Anniversary",
    "Notes",
    "Web Page",
    "Categories",
]
rows = [
    [
        "",
        "François",
        "",
        "Côté",
        "",
        "Érable Conseil",
        "",
        "Associé",
        "",
        "+1 514 555 0100",
        "",
        "+1 514 555 0101",
        "francois@erable.example",
        "François Côté (francois@erable.example)",
        "",
        "4/15/1980",
        "0/0/00",
        "Met at Montréal startup week.\r\nFollow up about the grant.",
        "https://erable.example",
        "Clients;Golf",
    ],
    [
        "",
        "Björk",
        "",
        "Guðmundsdóttir",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "+354 555 1234",
        "bjork@example.is",
        "",
        "",
        "0/0/00",
        "0/0/00",
        "",
        "",
        "",
    ],
    ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0/0/00", "0/0/00", "", "", " "],
]
buf = io.StringIO()
wr = csv.writer(buf, lineterminator="\r\n")
wr.writerow(outlook_cols)
wr.writerows(rows)
w("outlook_contacts.csv", b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))

# 9. Windows-1252 Outlook CSV (older Outlook on Windows), LF.
buf = io.StringIO()
wr = csv.writer(buf, lineterminator="\n")
wr.writerow(["First Name", "Last Name", "Company", "E-mail Address", "Mobile Phone", "Notes"])
wr.writerow(
    [
        "Renée",
        "Lefèvre",
        "Crème & Café",
        "renee@example.fr",
        "+33 6 12 34 56 78",
        "Très sympa – à revoir",
    ]
)
wr.writerow(
    ["Łukasz", "Wiśniewski", "", "lukasz@example.pl", "", ""]
)  # not in cp1252: written as '?' by Outlook
w("outlook_cp1252.csv", buf.getvalue().encode("cp1252", errors="replace"))

# 10. Google Contacts CSV (current format): ' ::: ' multi-values, labels with '* myContacts'.
g_cols = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "E-mail 2 - Label",
    "E-mail 2 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Website 1 - Label",
    "Website 1 - Value",
]
g_rows = [
    [
        "花子",
        "",
        "佐藤",
        "",
        "",
        "",
        "",
        "",
        "Hana",
        "",
        "さくら株式会社",
        "エンジニア",
        "",
        "1992-03-21",
        "Tokyo meetup",
        "https://lh3.googleusercontent.com/contacts/XYZ",
        "* myContacts ::: Friends ::: Tokyo",
        "* Home",
        "hanako@example.jp",
        "Work",
        "h.sato@sakura.example",
        "Mobile",
        "+81 90 1234 5678 ::: +81 3 5555 0000",
        "Blog",
        "https://hana.example.jp",
    ],
    [
        "Zoë",
        "",
        "Ångström",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "--04-15",
        "",
        "",
        "* myContacts",
        "Work",
        "zoe.angstrom@cafe-lumiere.example",
        "",
        "",
        "Mobile",
        "+46701234567",
        "",
        "",
    ],
    [
        "Ada",
        "",
        "Lovelace",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "* myContacts",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
]
buf = io.StringIO()
wr = csv.writer(buf, lineterminator="\n")
wr.writerow(g_cols)
wr.writerows(g_rows)
w("google_contacts.csv", buf.getvalue().encode("utf-8"))

# 11. Google CSV (legacy format), UTF-8 with BOM, CRLF.
legacy_cols = [
    "Name",
    "Given Name",
    "Additional Name",
    "Family Name",
    "Nickname",
    "Birthday",
    "Notes",
    "Group Membership",
    "E-mail 1 - Type",
    "E-mail 1 - Value",
    "Phone 1 - Type",
    "Phone 1 - Value",
    "Organization 1 - Name",
    "Organization 1 - Title",
]
legacy_rows = [
    [
        "Mária Nováková",
        "Mária",
        "",
        "Nováková",
        "",
        "1988-07-09",
        "",
        "* My Contacts ::: Climbing",
        "* Home",
        "maria@example.sk",
        "Mobile",
        "+421 905 123 456",
        "Tatra Labs",
        "CTO",
    ]
]
buf = io.StringIO()
wr = csv.writer(buf, lineterminator="\r\n")
wr.writerow(legacy_cols)
wr.writerows(legacy_rows)
w("google_legacy.csv", b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))

# 12. LinkedIn Connections.csv: notes before the header, "Connected On" dates, a row without a name.
linkedin = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: https://www.linkedin.com/help/linkedin/answer/261"

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ngozi,Okonjo-Iweala,https://www.linkedin.com/in/ngozi-example,,World Trade Example,Director General,15 Apr 2021
Øyvind,Lærum,https://www.linkedin.com/in/oyvind-example,oyvind@fjord.example,Fjord Analytics,Head of Research,03 Jan 2019
,,https://www.linkedin.com/in/private-member,,,,07 Feb 2020
Kwame,Mensah,https://www.linkedin.com/in/kwame-example,,"Mensah, Boateng & Co",Partner,28 Nov 2022
"""
w("Connections.csv", linkedin.encode("utf-8"))

# 13. Malformed vCards: the good ones must come in, the rest be reported with their positions.
malformed = """BEGIN:VCARD
VERSION:3.0
FN:Good Before
EMAIL:good.before@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
NOTE:a card with no name, email or phone
END:VCARD
BEGIN:VCARD
\x01\x02\x03 garbage garbage
\x7f\x7f\x7f
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bad Birthday
BDAY:1999-02-31
EMAIL:not-an-email
TEL:call me maybe
PHOTO;ENCODING=b;TYPE=JPEG:!!!!not base64 at all
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Left Open
EMAIL:left.open@example.org
BEGIN:VCARD
VERSION:3.0
FN:Good After
EMAIL:good.after@example.org
END:VCARD
END:VCARD
BEGIN:VCARD
END:VCARD
"""
w("malformed.vcf", malformed.encode("utf-8"))

# 14-16. Files that are not contact files at all.
junk_rng = random.Random(3)
w("junk.bin", bytes(junk_rng.randrange(256) for _ in range(4096)))
w("notes.txt", b"Shopping list:\nmilk\neggs\nBEGIN the beguine\n")
w("empty.vcf", b"")
