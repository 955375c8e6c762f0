"""Regenerate the bundled sample documents (run: ``.venv/bin/python samples/build_samples.py``).

Every person, address and number below is invented for anonymise: phone numbers are Ofcom
drama numbers, the NHS number is from the 999 test range, e-mail domains are example.org.
The output is deterministic: fixed timestamps and metadata, and reportlab's invariant mode.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2026, 1, 5, 9, 0, 0)
FIXED_DATE = dt.datetime(2026, 1, 5, 9, 0, 0)

# --- (a) Word: a learner's reflective account -----------------------------------------------------

LEARNER = "Bethany Marsh"
ASSESSOR = "Tom Whitfield"
ASSESSOR_PHONE = "0161 496 0732"
NHS_NUMBER = "999 274 1635"  # 999 test range, valid modulus-11 check digit

ACCOUNT_PARAGRAPHS = [
    "This reflective account is for Unit 204 of my Level 3 Diploma in Adult Care. It describes "
    "a morning visit on 3 November 2025 to Margaret O'Neill, who I support three times a week "
    "in her own home.",
    "When I arrived Margaret was still in bed and told me she did not want a wash. Mrs O'Neill "
    "has mild dementia, and in the past her son Daniel has asked staff to \u201cjust get her "
    "up\u201d. I remembered that under the Mental Capacity Act 2005 I must assume capacity "
    "unless it is shown otherwise, so I explained the choices and gave her time to decide.",
    "After ten minutes margaret said she would like a cup of tea first and a wash later. I "
    "recorded her decision in the daily notes and let Daniel know by phone at lunchtime. He "
    "was worried at first, but agreed that respecting his mum\u2019s routine mattered more "
    "than keeping to the rota.",
    "On reflection, I could have checked Mrs O\u2019Neill\u2019s care plan before the visit, "
    "because it already says she prefers a late start. Next time I will read the plan in the "
    "car before going in, and I will raise the rota times with my manager.",
]
CLIENT_TABLE = [
    ("Client", "Margaret O'Neill"),
    ("Date of birth", "14/03/1941"),
    ("NHS number", NHS_NUMBER),
    ("Address", "27 Larkspur Close, Heaton Moor, Stockport SK4 3QT"),
    ("Next of kin", "Daniel O'Neill (son), 07700 900417"),
]


def _fixed_zip(blob: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the file is byte-for-byte reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def build_docx(path: Path) -> None:
    """Write the reflective account (body, client table, header and footer)."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = ""
    props.title = "Reflective account"
    props.comments = "Synthetic sample for anonymise"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    document.add_heading("Reflective account \u2013 Unit 204", level=1)
    document.add_paragraph("Qualification: Level 3 Diploma in Adult Care")
    for text in ACCOUNT_PARAGRAPHS[:2]:
        document.add_paragraph(text)
    # Word often splits a name across runs (spell check, edits): keep one such split.
    split = document.add_paragraph("I always introduce myself and ask ")
    split.add_run("Mrs O'").bold = True
    split.add_run("Neill").bold = True
    split.add_run(" how she would like to be addressed; she prefers \u201cMargaret\u201d.")
    for text in ACCOUNT_PARAGRAPHS[2:]:
        document.add_paragraph(text)
    document.add_paragraph("Client details (kept with the account for my assessor):")
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in CLIENT_TABLE:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    section = document.sections[0]
    section.header.paragraphs[0].text = f"Learner: {LEARNER} \u2013 Level 3 Diploma in Adult Care"
    section.footer.paragraphs[0].text = f"Assessor: {ASSESSOR}, tel {ASSESSOR_PHONE}"
    buffer = io.BytesIO()
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


# --- (a2) Word: a witness testimony with personal data in places body-text tools miss --------

CLIENT = "Eleanor Pryce"
EDITOR = "Sophie Lang"
WITNESS_BODY = [
    f"I, {LEARNER}, observed the support given to {CLIENT} at her home on 8 December 2025 "
    "between 9.30 and 11.00.",
    "Mrs Pryce was supported to plan her own breakfast and to take her morning medication. She "
    "chose what to wear and was given time to do as much as she could for herself.",
]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _xml(fragment: str):
    """Parse a WordprocessingML fragment, declaring the w, r and v prefixes on its root."""
    from docx.oxml import parse_xml

    root = fragment[1:].split(" ", 1)[0].split(">", 1)[0].rstrip("/")
    declarations = f'xmlns:w="{_W}" xmlns:r="{_REL}" xmlns:v="urn:schemas-microsoft-com:vml"'
    return parse_xml(fragment.replace(f"<{root}", f"<{root} {declarations}", 1))


def _add_hidden_places(document) -> None:
    """Tracked change, comment, text box, hyperlink and footnote reference (see the issue)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    p = document.add_paragraph("Her support worker is ")
    p._p.append(_xml(f'<w:del w:id="101" w:author="{EDITOR}" w:date="2026-01-05T09:00:00Z">'
                     "<w:r><w:delText>Kieran Doyle</w:delText></w:r></w:del>"))
    p._p.append(_xml(f'<w:ins w:id="102" w:author="{EDITOR}" w:date="2026-01-05T09:00:00Z">'
                     "<w:r><w:t>Ryan Clarke</w:t></w:r></w:ins>"))
    p.add_run(", who has worked with her since May.")
    p = document.add_paragraph("She talked about her home and the people who help her.")
    document.add_comment(p.runs[0], text="Please remove Mrs Pryce's address (14 Orchard Way, "
                         "Stockport SK2 6PL) before you submit this.", author=ASSESSOR,
                         initials="TW")
    p = document.add_paragraph("Family contact: ")
    p._p.append(_xml(
        '<w:r><w:pict><v:shape id="box1" style="width:220pt;height:28pt"><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>Her daughter Claire Pryce visits on Saturdays."
        "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))
    rel_id = document.part.relate_to("mailto:pryce.family@example.org", RT.HYPERLINK,
                                     is_external=True)
    p = document.add_paragraph("Questions: ")
    p._p.append(_xml(f'<w:hyperlink r:id="{rel_id}"><w:r><w:t>e-mail the family</w:t></w:r>'
                     "</w:hyperlink>"))
    p = document.add_paragraph("Her GP confirmed the medication plan")
    p._p.append(_xml('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    p.add_run(".")


def _add_parts(blob: bytes) -> bytes:
    """Add the footnotes part and a custom property (python-docx writes neither)."""
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
        '<w:t xml:space="preserve">Dr Imran Haq, Heaton Moor Medical Centre, 0161 496 0915.'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
        'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
        'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="'
        '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="LearnerName"><vt:lpwstr>'
        f"{LEARNER}</vt:lpwstr></property></Properties>"
    )
    src = zipfile.ZipFile(io.BytesIO(blob))
    parts = {name: src.read(name) for name in src.namelist()}
    parts["word/footnotes.xml"] = footnotes.encode()
    # python-docx stamps comments with the current time: fix it for a reproducible file
    parts["word/comments.xml"] = re.sub(
        rb'w:date="[^"]*"', b'w:date="2026-01-05T09:00:00Z"', parts["word/comments.xml"]
    )
    parts["docProps/custom.xml"] = custom.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        f'<Override PartName="/word/footnotes.xml" ContentType="{_WML}.footnotes+xml"/>'
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.custom-properties+xml"/></Types>').encode())
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdFootnotes" Type="{_REL}/footnotes" '
        'Target="footnotes.xml"/></Relationships>'.encode())
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdCustom" Type="{_REL}/custom-properties" '
        'Target="docProps/custom.xml"/></Relationships>'.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return out.getvalue()


def build_witness_docx(path: Path) -> None:
    """Write a witness testimony whose body reads clean of most names, while its title,
    author, custom property, footer, footnote, comment, tracked change, text box and
    hyperlink target carry personal data (the case that motivated the issue)."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = LEARNER
    props.last_modified_by = EDITOR
    props.title = f"Witness testimony \u2013 {CLIENT}"
    props.keywords = "witness testimony; Unit 204"
    props.comments = ""
    props.created = props.modified = FIXED_DATE
    props.revision = 3
    document.add_heading("Witness testimony \u2013 Unit 204", level=1)
    for text in WITNESS_BODY:
        document.add_paragraph(text)
    _add_hidden_places(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Level 3 Diploma in Adult Care \u2013 witness testimony"
    section.footer.paragraphs[0].text = f"Assessor: {ASSESSOR}, tel {ASSESSOR_PHONE}"
    buffer = io.BytesIO()
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_fixed_zip(_add_parts(buffer.getvalue())))


# --- (b) PDF: a social-care case note -------------------------------------------------------------

WORKER = "Rebecca Llewellyn"
CASE_NOTE = [
    ("Case note", "title"),
    ("Case reference: ASC-2026-04817    Date of visit: 12 January 2026", "body"),
    ("Client: Kwame Mensah    Date of birth: 02/09/1958    NI number: AB 12 34 56 C", "body"),
    ("Address: Flat 3, 41 Harrowby Road, Leeds LS7 4PQ    Telephone: 0113 496 0628", "body"),
    (f"Social worker: {WORKER}, Adult Social Care (Leeds North), "
     "rebecca.llewellyn@example.org", "body"),
    ("Summary of visit", "heading"),
    ("I visited Mr Mensah at home following a referral from his GP, Dr Farah Qureshi, about "
     "missed medication and a fall in the kitchen last week. Kwame was dressed and had made "
     "breakfast. He said the fall happened when he got up quickly to answer the door.", "body"),
    ("Mr Mensah lives alone. His niece, Abena Owusu, visits on Sundays and can be reached on "
     "07700 900582. Kwame agreed to a pendant alarm and to a pharmacy blister pack.", "body"),
    ("Actions", "heading"),
    ("1. Refer to the falls prevention team (R. Llewellyn, by 19 January 2026).", "body"),
    ("2. Ask the pharmacy to start blister packs; confirm with Kwame by phone.", "body"),
    ("3. Review in four weeks at home. Abena Owusu would like to attend.", "body"),
]


def build_pdf(path: Path) -> None:
    """Write the case note with a text layer; its metadata names the worker and client."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    style_for = {
        "title": styles["Title"], "heading": styles["Heading2"], "body": styles["BodyText"]
    }
    story = []
    for text, kind in CASE_NOTE:
        story.append(Paragraph(text, style_for[kind]))
        story.append(Spacer(1, 4))
    path.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(
        str(path), pagesize=A4, invariant=1,
        title="Case note - Kwame Mensah", author=WORKER, subject="Adult social care case note",
        creator="Case recording system (sample)",
    ).build(story)


# --- (c) Text: a shift handover -------------------------------------------------------------------

HANDOVER = """\
LARKSPUR HOUSE - NIGHT TO DAY HANDOVER
Date: 14 May 2026   Handover by: Joy Adebayo (senior carer)   To: Callum Reid

Room 3 - Arthur Pennington
Arthur slept well after 1am. He was up twice to the toilet and needed a hand with
his frame. Arthur's daughter, Susan
Pennington, phoned at 6.30 and would like a call back on 07700 900236. Please ring her
before 10 as she may be at work after that.

Room 5 - May Hollis
May had a settled night. She may need her pressure cushion checked; the cover was
damp at 4am and was changed. Night staff noticed may is drinking less, so please keep
her fluid chart going. Her GP, Dr Siddiqui, is visiting this afternoon.

Room 7 - Grace Obi
Grace was unsettled at 2am and asked for her husband. Reassured and settled with a
warm drink. GRACE OBI is on the list for Dr Siddiqui too (skin tear on left forearm).
She likes to say grace before breakfast, so please give her a few quiet minutes.

Other
- arthur pennington's hearing aid is charging in the office.
- Fire door on the first floor landing was sticking; reported to maintenance.
"""


def build_text(path: Path) -> None:
    """Write the handover as UTF-8 with LF line endings."""
    path.write_bytes(HANDOVER.encode("utf-8"))


def main() -> None:
    """Build all samples next to this script."""
    build_docx(HERE / "portfolio" / "reflective-account.docx")
    build_witness_docx(HERE / "portfolio" / "witness-testimony.docx")
    build_pdf(HERE / "cases" / "case-note.pdf")
    build_text(HERE / "handover.txt")


if __name__ == "__main__":
    main()
