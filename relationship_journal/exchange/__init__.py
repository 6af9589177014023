"""Moving contacts in and out: vCard, Google / Outlook / LinkedIn CSV, iCalendar.

Reading is split into small steps, each with one job: decode the bytes
(`encodings`), tell what kind of file it is from its content (`detect`), clean what
real clients write before a strict parser sees it (`vcard_normalize`), turn cards and
rows into people (`vcard_read`, `csv_formats`), decide who is new and who is already
known (`merge`), and plan / write / undo the whole as one batch (`plan`).
"""
