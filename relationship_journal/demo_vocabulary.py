"""Words the demo network is made of: names from many languages, places, topics, notes.

Kept apart from the generator so the generator reads as the rhythm of relationships.
"""

from __future__ import annotations

# (given names, family names, family name first?) — accents and non-Latin scripts on purpose.
NAME_POOLS: list[tuple[tuple[str, ...], tuple[str, ...], bool, float]] = [
    (("James", "Olivia", "Amelia", "Harry", "Grace", "Ethan", "Chloe", "Liam", "Emily", "Noah",
      "Hannah", "Samuel", "Ruth", "Owen", "Isla", "Daniel", "Megan", "Kwame", "Aisha", "Priya"),
     ("Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Hughes", "O'Connor", "McAllister",
      "Patel", "Okafor", "Mensah", "Campbell", "Murphy", "Bennett", "Fraser", "Khan", "Nguyen"), False, 34),
    (("José", "María", "João", "Inês", "Lucía", "Martín", "Sofía", "Álvaro", "Begoña", "Raúl",
      "Conceição", "Tomás", "Iñaki", "Núria", "Ángela"),
     ("García", "Fernández", "Gonçalves", "Pérez", "Muñoz", "Rodríguez", "Conceição", "Araújo",
      "Sánchez", "Ibáñez", "Lopes", "Castaño"), False, 14),
    (("Zoë", "Hélène", "François", "Élodie", "Noël", "Gaël", "Anaïs", "Jérôme", "Cécile", "Loïc",
      "Maëlle", "Benoît"),
     ("Lefèvre", "Dubois", "Moreau", "Mercier", "Rousseau", "Fontaine", "Bérenger", "Chevalier",
      "Lemaître", "Marchetti"), False, 10),
    (("Jürgen", "Åsa", "Søren", "Björn", "Małgorzata", "Lukas", "Ingrid", "Jörg", "Sigrún",
      "Mathilde", "Henrik", "Dörte"),
     ("Müller", "Ångström", "Østergaard", "Schröder", "Lindqvist", "Weiß", "Jóhannsdóttir", "Nyström",
      "Krüger", "Bäcker"), False, 10),
    (("Łukasz", "Zuzana", "Jiří", "Agnieszka", "Dorota", "Ondřej", "Paweł", "Kateřina"),
     ("Wróbel", "Dvořák", "Kowalczyk", "Nováková", "Świątek", "Procházka", "Zieliński"), False, 5),
    (("Çağla", "Ömer", "Şule", "Barış", "Gülşen", "İlker"),
     ("Yılmaz", "Öztürk", "Şahin", "Çelik", "Doğan"), False, 4),
    (("Γιώργος", "Ελένη", "Νίκος", "Μαρία"), ("Παπαδόπουλος", "Οικονόμου", "Γεωργίου"), False, 3),
    (("Алексей", "Ольга", "Дмитрий", "Наталья", "Ирина"), ("Смирнов", "Иванова", "Кузнецов", "Попова"),
     False, 4),
    (("花子", "太郎", "結衣", "翔太", "美咲"), ("佐藤", "鈴木", "高橋", "田中"), True, 4),
    (("芳", "伟", "静", "磊", "婷"), ("王", "李", "张", "刘"), True, 4),
    (("ليلى", "أحمد", "نور", "يوسف"), ("حداد", "الخطيب", "منصور"), False, 3),
    (("प्रिया", "अर्जुन", "अनन्या", "रोहन"), ("शर्मा", "वर्मा", "गुप्ता"), False, 3),
    (("민준", "서연", "지호", "하은"), ("김", "이", "박"), True, 2),
]

ORGANISATIONS = (
    "Northwind Labs", "Acme Ltd", "Bluehill Capital", "Orbital Foods", "Città Design Studio",
    "Fjord Analytics", "Kestrel Health", "Lumen Legal", "Harbour & Finch", "Quietwater Ventures",
    "St. Anne's Hospital", "University of Leeds", "Sakura Robotics", "Tallinn Digital",
    "Grupo Andaluz", "Brightline Media", "Copperleaf Consulting", "Maison Verte", "Nordlicht Energie",
    "Open Commons Foundation", "Pine & Partners", "Red Kite Recruiting", "Saltmarsh Studios",
    "Tidewater Logistics", "Urban Roots Co-op", "Vela Biotech", "Willow Street Bakery",
    "Zenith Insurance", "Atlas Climbing Gym", "City Council", "Freelance", "Helix Software",
    "Ironbridge Bank", "Juniper Schools", "Kinfolk Coffee", "Lighthouse Charity",
)

ROLES = (
    "founder", "CEO", "CTO", "head of sales", "product manager", "designer", "engineer",
    "partner", "investor", "recruiter", "professor", "nurse", "journalist", "consultant",
    "community organiser", "accountant", "lawyer", "chef", "teacher", "editor",
)

INTERESTS = (
    "marathon running", "sailing", "jazz piano", "sourdough baking", "rock climbing",
    "birdwatching", "chess", "vintage motorbikes", "urban gardening", "poetry", "cycling",
    "photography", "woodworking", "salsa dancing", "astronomy", "fly fishing", "board games",
    "open-source software", "opera", "surfing", "pottery", "cooking Sichuan food", "yoga",
    "football", "history podcasts", "wild swimming", "beekeeping", "cryptic crosswords",
)

GOALS = (
    "open a bakery in Porto", "raise a seed round this year", "run the Lisbon marathon",
    "move into product leadership", "write a novel", "learn Japanese", "start a climate charity",
    "buy a sailing boat", "get a PhD place", "build a house in the countryside",
    "launch a design studio", "become a partner at the firm", "publish a cookbook",
    "take a sabbatical to travel South America", "mentor first-time founders",
    "get elected to the city council", "grow the team to fifty people", "switch careers into nursing",
)

HOW_MET = (
    "introduced by a mutual friend at a dinner", "met at a conference panel", "sat next to each other on a flight",
    "former colleagues", "met through the climbing club", "university friends",
    "neighbours on the same street", "met at a founders' meetup", "worked together on a client project",
    "met at a wedding", "parents at the same school", "met in an online community",
)

WHERE_MET = ("London", "Lisbon", "Berlin", "Barcelona", "Paris", "Tokyo", "Stockholm", "Istanbul",
             "Athens", "New York", "Leeds", "Kraków", "Porto", "Seoul", "Dubai", "Mumbai")

COMMUNITIES = ("founders' breakfast club", "climbing club", "alumni network", "parents' association",
               "open-source meetup", "book club", "five-a-side football", "women in tech circle")

TAGS = ("investor", "founder", "alumni", "climbing club", "mentor", "client", "press",
        "neighbour", "board", "hiring", "family", "conference")

CAN_DO = (
    "introduce them to investors", "review their pitch deck", "share hiring contacts",
    "recommend a good lawyer", "give feedback on their writing", "lend my sailing books",
    "connect them with the design community", "help them prepare for interviews",
)

FAMILY = (
    "Married to Sam; two kids, Leo (8) and Mia (5)", "Partner Alex is a doctor", "Has a new baby daughter",
    "Looks after her elderly father", "Two teenage sons who play football", "Recently divorced",
    "Dog called Biscuit", "Twin brother lives in Canada",
)

IMPORTANT_DATES = ("wedding anniversary", "daughter's birthday", "son's birthday", "company founding day",
                   "marathon race day", "moved to the city")

# How an entry's note opens, by the entry's kind: a note never contradicts its kind
# (no "video call" logged as an event).
NOTE_OPENINGS = {
    "meeting": ("Caught up over coffee.", "Lunch near their office.", "Long walk by the river.",
                "Breakfast before work.", "Met at their office."),
    "social": ("Dinner with partners.", "Drinks after work.", "Long walk by the river.",
               "Barbecue at their place.", "Went to a gig together."),
    "event": ("Met at the conference afterparty.", "Bumped into them at the meetup.",
              "Sat together at the launch event.", "Talked during the workshop break."),
    "call": ("Quick call between meetings.", "Long phone call on a Sunday.", "They rang on the way home."),
    "video": ("Video call, camera off halfway.", "Video chat across time zones.", "Quick video catch-up."),
    "message": ("Exchanged messages about the weekend.", "Long message thread.", "Messages back and forth all evening."),
    "email": ("Long email exchange.", "Wrote to them with an update.", "They emailed out of the blue."),
}

NOTE_TOPICS = (
    "Talked about {interest}; they lit up when it came up.",
    "They are working hard to {goal}.",
    "Still thinking about how to {goal}; asked for my honest view.",
    "Told me about a trip to {place} and the people they met there.",
    "Work at {organisation} is intense: a reorganisation is coming.",
    "Mentioned their {interest} group is looking for new members.",
    "We compared notes on hiring and how hard it is to find good people.",
    "They asked about my new project and offered to help test it.",
    "Shared a book recommendation on {interest}.",
    "Opened up about stress at home; listened more than I talked.",
    "Celebrated good news: the deal finally closed.",
    "Planning a trip to {place} next spring.",
)

NOTE_CLOSINGS = (
    "Promised to send them the article we discussed.", "They will intro me to someone at {organisation}.",
    "Follow up in a month.", "Remember to ask how it went.", "Send them the photos I promised.",
    "", "", "",
)

COMMITMENT_TEXTS_MINE = (
    "Send the article on {interest}", "Intro to a contact at {organisation}", "Share my notes from the conference",
    "Review their pitch deck", "Lend them the sailing book", "Reply about the dinner date",
)
COMMITMENT_TEXTS_THEIRS = (
    "Intro me to their CTO", "Send the report they mentioned", "Reply about the partnership",
    "Share the contact at {organisation}", "Get back about the speaking slot",
)
FAVOUR_TEXTS = (
    "Introduction to an investor", "Reviewed a job application", "Helped move house",
    "Recommended a plumber", "Hosted them for a weekend", "Feedback on a draft",
    "Referral to a client", "Covered a talk at short notice",
)
ASK_TEXTS = (
    "Advice on pricing", "Intro to a journalist", "Reference for a job", "An hour to review my plan",
    "Introduction to their investor", "Help with a visa letter",
)
